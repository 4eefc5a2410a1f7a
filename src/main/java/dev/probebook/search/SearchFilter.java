package dev.probebook.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Narrows a search to runbooks with a tag and/or an owner (front matter {@code tags} and {@code owner}), compared
 * whole and ignoring case; null or blank means any.
 */
public record SearchFilter(String tag, String owner) {

    public static final SearchFilter NONE = new SearchFilter(null, null);

    public SearchFilter {
        tag = tag == null || tag.isBlank() ? null : tag.strip();
        owner = owner == null || owner.isBlank() ? null : owner.strip();
    }

    public static SearchFilter tagged(String tag) {
        return new SearchFilter(tag, null);
    }

    public static SearchFilter ownedBy(String owner) {
        return new SearchFilter(null, owner);
    }

    public SearchFilter withOwner(String owner) {
        return new SearchFilter(tag, owner);
    }

    /** {@code query} restricted to the matching runbooks' sections (unchanged without a filter). */
    Query restrict(Query query) {
        if (tag == null && owner == null) {
            return query;
        }
        BooleanQuery.Builder restricted = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
        if (tag != null) {
            restricted.add(
                    new TermQuery(new Term(SectionDocuments.TAG, SectionDocuments.exact(tag))),
                    BooleanClause.Occur.FILTER);
        }
        if (owner != null) {
            restricted.add(
                    new TermQuery(new Term(SectionDocuments.OWNER, SectionDocuments.exact(owner))),
                    BooleanClause.Occur.FILTER);
        }
        return restricted.build();
    }
}
