package dev.probebook.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Collects every matching section and keeps the best one per runbook, so that a runbook with many matching sections
 * is still one result and a runbook whose matches all rank low is not crowded out by another's sections. On a tie the
 * earlier section wins (documents are added in page order).
 */
final class BestSections implements CollectorManager<BestSections.PerSlice, Map<String, BestSections.Best>> {

    /** A runbook's best section: its global document id and score. */
    record Best(String name, int doc, float score) {
        boolean beats(Best other) {
            return score > other.score || (score == other.score && doc < other.doc);
        }
    }

    @Override
    public PerSlice newCollector() {
        return new PerSlice();
    }

    @Override
    public Map<String, Best> reduce(Collection<PerSlice> slices) {
        Map<String, Best> best = new HashMap<>();
        for (PerSlice slice : slices) {
            slice.best.values().forEach(b -> best.merge(b.name(), b, (x, y) -> y.beats(x) ? y : x));
        }
        return best;
    }

    static final class PerSlice implements Collector {
        private final Map<String, Best> best = new HashMap<>();

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
            SortedDocValues names = DocValues.getSorted(leaf.reader(), SectionDocuments.NAME);
            int runbooks = names.getValueCount();
            float[] scores = new float[runbooks];
            int[] docs = new int[runbooks];
            Arrays.fill(docs, -1);
            return new LeafCollector() {
                private Scorable scorer;

                @Override
                public void setScorer(Scorable scorer) {
                    this.scorer = scorer;
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (!names.advanceExact(doc)) {
                        return;
                    }
                    int runbook = names.ordValue();
                    float score = scorer.score();
                    if (docs[runbook] < 0 || score > scores[runbook]) {
                        scores[runbook] = score;
                        docs[runbook] = doc;
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int runbook = 0; runbook < runbooks; runbook++) {
                        if (docs[runbook] >= 0) {
                            String name = names.lookupOrd(runbook).utf8ToString();
                            Best found = new Best(name, leaf.docBase + docs[runbook], scores[runbook]);
                            best.merge(name, found, (x, y) -> y.beats(x) ? y : x);
                        }
                    }
                }
            };
        }
    }
}
