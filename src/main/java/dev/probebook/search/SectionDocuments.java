package dev.probebook.search;

import dev.probebook.runbook.Runbook;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * The index's fields, and a runbook as Lucene documents: one per section, each carrying the runbook's name, title,
 * tags and owner so that a section can be found, filtered and ranked on its own.
 */
final class SectionDocuments {

    /** The runbook's name: stored, exact (replacing and removing by it), and a doc value (grouping by runbook). */
    static final String NAME = "name";

    static final String TITLE = "title";
    static final String TAGS = "tags";
    static final String HEADING = "heading";
    static final String ANCHOR = "anchor";
    static final String PROSE = "prose";
    static final String COMMANDS = "commands";

    /** Tags lower-cased, exact: the tag filter. */
    static final String TAG = "tag";

    /** The front matter's {@code owner}, lower-cased, exact: the owner filter. */
    static final String OWNER = "owner";

    /** Stored, searched, with offsets in the postings so the highlighter need not analyse the text again. */
    private static final FieldType SEARCHED_TEXT = new FieldType(TextField.TYPE_STORED);

    static {
        SEARCHED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        SEARCHED_TEXT.freeze();
    }

    private SectionDocuments() {}

    static List<Document> of(String name, Runbook runbook) {
        String title = runbook.title() == null ? name : runbook.title();
        List<String> tags = runbook.frontMatter().tags();
        String owner = runbook.frontMatter().string("owner");
        List<Document> documents = new ArrayList<>();
        for (SectionText section : SectionText.allOf(runbook)) {
            Document doc = new Document();
            doc.add(new StringField(NAME, name, Field.Store.YES));
            doc.add(new SortedDocValuesField(NAME, new BytesRef(name)));
            doc.add(new Field(TITLE, title, SEARCHED_TEXT));
            for (String tag : tags) {
                doc.add(new TextField(TAGS, tag, Field.Store.NO));
                doc.add(new StringField(TAG, exact(tag), Field.Store.NO));
            }
            if (owner != null) {
                doc.add(new StringField(OWNER, exact(owner), Field.Store.NO));
            }
            doc.add(new StoredField(ANCHOR, section.anchor()));
            doc.add(new Field(HEADING, section.heading(), SEARCHED_TEXT));
            doc.add(new Field(PROSE, section.prose(), SEARCHED_TEXT));
            doc.add(new Field(COMMANDS, section.commands(), SEARCHED_TEXT));
            documents.add(doc);
        }
        return documents;
    }

    /** A tag or owner as the filters compare it: trimmed, lower case. */
    static String exact(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
