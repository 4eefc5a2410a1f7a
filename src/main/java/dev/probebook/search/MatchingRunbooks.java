package dev.probebook.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;

/** The names of the runbooks with at least one matching section, without scoring. */
final class MatchingRunbooks implements CollectorManager<MatchingRunbooks.PerSlice, Set<String>> {

    @Override
    public PerSlice newCollector() {
        return new PerSlice();
    }

    @Override
    public Set<String> reduce(Collection<PerSlice> slices) {
        Set<String> names = new HashSet<>();
        slices.forEach(slice -> names.addAll(slice.names));
        return names;
    }

    static final class PerSlice implements Collector {
        private final Set<String> names = new HashSet<>();

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
            SortedDocValues values = DocValues.getSorted(leaf.reader(), SectionDocuments.NAME);
            FixedBitSet seen = new FixedBitSet(Math.max(1, values.getValueCount()));
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) throws IOException {
                    if (values.advanceExact(doc)) {
                        seen.set(values.ordValue());
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int ord = 0; ord < values.getValueCount(); ord++) {
                        if (seen.get(ord)) {
                            names.add(values.lookupOrd(ord).utf8ToString());
                        }
                    }
                }
            };
        }
    }
}
