package dev.probebook.runbook;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Parses runbook Markdown (CommonMark + GFM tables and strikethrough + YAML front matter) into a
 * {@link Runbook} with flexmark. Thread-safe: one instance can parse many documents concurrently.
 */
public final class MarkdownParser {

    /** A paragraph this short (and on one line) directly above a code block is its caption. */
    static final int MAX_CAPTION_CHARS = 80;

    /** Guards against stack exhaustion on hostile nesting (thousands of {@code >} or list levels). */
    static final int MAX_NESTING = 64;

    private static final Pattern NOT_IN_SLUG = Pattern.compile("[^\\p{L}\\p{N}\\s-]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Parser parser;
    private final HtmlRenderer renderer;

    /** How long one parse may take by default ({@code probebook.runbook.parse-budget}). */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);

    /** How a warning about front matter that cannot be read begins (a save refuses such text). */
    public static final String FRONT_MATTER_PROBLEM = "front matter ";

    private final Duration budget;
    private final int wholeUpTo;
    private final int piece;

    /** A parser with the default budget. */
    public MarkdownParser() {
        this(DEFAULT_BUDGET);
    }

    /** A parser whose parses are abandoned, as a {@link RunbookException}, once they take longer than {@code budget}. */
    public MarkdownParser(Duration budget) {
        this(budget, HeadingChunks.WHOLE_UP_TO, HeadingChunks.PIECE);
    }

    /** A parser that cuts runbooks longer than {@code wholeUpTo} characters into pieces of about {@code piece}. */
    MarkdownParser(Duration budget, int wholeUpTo, int piece) {
        this.budget = budget;
        this.wholeUpTo = wholeUpTo;
        this.piece = piece;
        this.parser = flexmark();
        MutableDataSet rendering = new MutableDataSet();
        rendering.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create()));
        rendering.set(HtmlRenderer.SOFT_BREAK, "\n");
        this.renderer = HtmlRenderer.builder(rendering)
                .nodeRendererFactory(opts -> new StructureMarkers())
                .build();
    }

    /**
     * flexmark's parser as runbooks need it: CommonMark with GFM tables and strikethrough, headings, HTML blocks and
     * tables found by factories made once (see {@link SharedFactory}), inlines parsed within bounds. Front matter
     * is taken off before flexmark sees a runbook ({@link FrontMatterReader}).
     */
    private static Parser flexmark() {
        MutableDataSet parsing = new MutableDataSet();
        parsing.set(Parser.EXTENSIONS, List.of(StrikethroughExtension.create()));
        parsing.set(Parser.HEADING_PARSER, false); // replaced by LinearHeadings, which skips lines that cannot be one
        parsing.set(Parser.HTML_BLOCK_PARSER, false); // made once: SharedHtmlBlocks
        Parser parser = Parser.builder(parsing)
                .customBlockParserFactory(new LinearHeadings())
                .customBlockParserFactory(new SharedHtmlBlocks())
                .customInlineParserFactory(BoundedInlineParser::new)
                // flexmark reads link reference definitions only with its own inline parser unless told to
                .paragraphPreProcessorFactory(new ReferencePreProcessorFactory())
                .paragraphPreProcessorFactory(new SharedParagraphPreProcessor(TableParagraphPreProcessor.Factory()))
                .build();
        parser.parse(FIRST_DOCUMENT); // makes the shared factories' state on this thread, before any other sees it
        return parser;
    }

    /** A heading, an HTML block and a table: what the shared factories make their state on. */
    private static final String FIRST_DOCUMENT = "# a\n\n<div>\n</div>\n\n| a |\n| - |\n| b |\n";

    /** Parses a whole document; {@code name} is used when there is no title. */
    public Runbook parse(String text, String name) throws RunbookException {
        String source = text.replace("\r\n", "\n").replace('\r', '\n');
        if (nestingDepth(source) > MAX_NESTING) {
            throw new RunbookException(name + " nests quotes or lists more than " + MAX_NESTING + " levels deep");
        }
        String nonce = new BigInteger(96, RANDOM).toString(36);
        ParseBudget parseBudget = new ParseBudget(budget);
        List<String> warnings = new ArrayList<>();
        FrontMatterReader.Found found = FrontMatterReader.find(source);
        FrontMatter front = found == null ? FrontMatter.EMPTY : FrontMatterReader.read(found.block(), warnings);
        String body = found == null ? source : source.substring(found.bodyStart());
        int linesBefore = found == null
                ? 0
                : (int) source.substring(0, found.bodyStart())
                        .chars()
                        .filter(c -> c == '\n')
                        .count();
        List<HeadingChunks.Chunk> chunks = HeadingChunks.split(body, wholeUpTo, piece, linesBefore);
        try {
            List<Outline> outlines;
            try {
                outlines = chunks.size() == 1
                        ? List.of(outline(body, chunks.get(0), nonce, parseBudget))
                        : outlinesInParallel(body, chunks, nonce, parseBudget);
            } catch (HeadingChunks.CutInside e) { // a piece ended inside a fence or a comment: parse it whole
                outlines = List.of(
                        outline(body, new HeadingChunks.Chunk(0, body.length(), linesBefore), nonce, parseBudget));
            }
            return assemble(outlines, front, warnings, name, nonce);
        } catch (StackOverflowError e) {
            throw new RunbookException(name + " is nested too deeply to parse");
        } catch (ParseBudget.Exceeded e) {
            throw new RunbookException(name + " took longer than " + e.budget.toSeconds() + " s to parse"
                    + " (probebook.runbook.parse-budget): split it into smaller runbooks, or look for text that"
                    + " repeats thousands of times, such as unclosed links or brackets");
        }
    }

    /**
     * The pieces of a large runbook, each parsed on a thread of the common pool or this one; a piece's failure
     * (a spent budget, a stack overflow) is thrown here, on the caller's thread.
     */
    private List<Outline> outlinesInParallel(
            String source, List<HeadingChunks.Chunk> chunks, String nonce, ParseBudget parseBudget) {
        record Attempt(Outline outline, Throwable failure) {}
        List<Attempt> attempts = chunks.parallelStream()
                .map(chunk -> {
                    try {
                        return new Attempt(outline(source, chunk, nonce, parseBudget), null);
                    } catch (RuntimeException | StackOverflowError e) {
                        return new Attempt(null, e);
                    }
                })
                .toList();
        List<Outline> outlines = new ArrayList<>(attempts.size());
        for (Attempt attempt : attempts) {
            if (attempt.failure() instanceof RuntimeException e) {
                throw e;
            }
            if (attempt.failure() instanceof Error e) {
                throw e;
            }
            outlines.add(attempt.outline());
        }
        return outlines;
    }

    /** Parses one piece of the source (all of it, for any runbook of realistic size) on this thread. */
    private Outline outline(String source, HeadingChunks.Chunk chunk, String nonce, ParseBudget parseBudget) {
        String text = chunk.start() == 0 && chunk.end() == source.length()
                ? source
                : source.substring(chunk.start(), chunk.end());
        return inContext(
                new LineIndex(text, chunk.linesBefore(), nonce), parseBudget, new BoundedInlineParser.Skipped(), () -> {
                    Document doc = parser.parse(text);
                    if (chunk.end() < source.length() && HeadingChunks.runsOn(doc.getLastChild())) {
                        throw new HeadingChunks.CutInside();
                    }
                    return outline(doc, text);
                });
    }

    /**
     * Runs {@code work} with this thread's parse context set (the line index, the budget, the inline parser's skipped
     * blocks; null: none) and puts back what was there before: prose may render on a thread in the middle of a parse.
     */
    private static <T> T inContext(
            LineIndex index, ParseBudget budget, BoundedInlineParser.Skipped skipped, Supplier<T> work) {
        LineIndex outerIndex = LineIndex.CURRENT.get();
        ParseBudget outerBudget = ParseBudget.CURRENT.get();
        BoundedInlineParser.Skipped outerSkipped = BoundedInlineParser.SKIPPED.get();
        set(LineIndex.CURRENT, index);
        set(ParseBudget.CURRENT, budget);
        set(BoundedInlineParser.SKIPPED, skipped);
        try {
            return work.get();
        } finally {
            set(LineIndex.CURRENT, outerIndex);
            set(ParseBudget.CURRENT, outerBudget);
            set(BoundedInlineParser.SKIPPED, outerSkipped);
        }
    }

    private static <T> void set(ThreadLocal<T> local, T value) {
        if (value == null) {
            local.remove();
        } else {
            local.set(value);
        }
    }

    /**
     * What one piece of a runbook holds, read from its syntax tree (which is dropped after): its headings (anchors
     * are given when the pieces are put together) and top-level code blocks in order, the prose before each of them
     * and after the last ({@code runs} has one more element; null where there is none), every code block including
     * nested ones, and its link reference definitions as Markdown.
     */
    private record Outline(
            List<Part> structural, List<ProseText> runs, List<CodeBlock> codeBlocks, List<String> definitions) {}

    /** A run of prose's first line and its Markdown, from the start of that line. */
    private record ProseText(int line, String markdown) {}

    private Outline outline(Document doc, String source) {
        List<Part> structural = new ArrayList<>(); // headings and top-level code blocks, in order
        List<ProseText> runs = new ArrayList<>(); // the prose before each structural part (null: none)
        List<CodeBlock> codeBlocks = new ArrayList<>();
        List<Reference> references = new ArrayList<>();
        Heading current = null;
        int runLine = 0; // the current run of prose: its first line (0: none), where it starts and ends
        int runStart = 0;
        int runEnd = 0;
        Node previous = null;
        String previousCaption = null;

        for (Node node = doc.getFirstChild(); node != null; node = node.getNext()) {
            ParseBudget.check();
            int line = LineIndex.current().startLine(node);
            boolean heading = node instanceof com.vladsch.flexmark.ast.Heading;
            if (heading || node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
                runs.add(runLine == 0 ? null : new ProseText(runLine, source.substring(runStart, runEnd)));
                runLine = 0;
            }
            if (node instanceof com.vladsch.flexmark.ast.Heading h) {
                current = new Heading(line, h.getLevel(), plainText(h), ""); // anchored in assemble
                structural.add(current);
                previous = node;
                previousCaption = null;
                continue;
            }
            if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
                String caption = captionFor(previous, previousCaption);
                CodeBlock block = codeBlock(node, current, caption, false);
                structural.add(block);
                codeBlocks.add(block);
                previous = node;
                previousCaption = caption;
                continue;
            }
            // comments and link definitions show nothing: they neither start nor end a run of prose
            if (!(node instanceof HtmlCommentBlock || node instanceof Reference)) {
                if (runLine == 0) {
                    runLine = line;
                    runStart = LineIndex.current().lineStartOffset(line);
                }
                runEnd = node.getEndOffset();
            }
            if (node instanceof Reference r) {
                references.add(r);
            }
            collectNested(node, current, codeBlocks, references);
            previous = node;
            previousCaption = null;
        }
        runs.add(runLine == 0 ? null : new ProseText(runLine, source.substring(runStart, runEnd)));
        codeBlocks.sort(Comparator.comparingInt(CodeBlock::line));
        references.sort(Comparator.comparingInt(Node::getStartOffset)); // the first of a label wins: document order
        return new Outline(
                structural,
                runs,
                codeBlocks,
                references.stream().map(MarkdownParser::definition).toList());
    }

    /** The runbook from its pieces in order: headings get their unique anchors, prose its shared rendering. */
    private Runbook assemble(
            List<Outline> outlines, FrontMatter front, List<String> warnings, String name, String nonce) {
        List<String> definitions = new ArrayList<>();
        List<CodeBlock> codeBlocks = new ArrayList<>();
        for (Outline outline : outlines) {
            definitions.addAll(outline.definitions());
            codeBlocks.addAll(outline.codeBlocks());
        }
        ProseRendering rendering = new ProseRendering(this, definitions(definitions), nonce, budget);
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> anchorSuffixes = new HashMap<>();
        List<Heading> headings = new ArrayList<>();
        String firstH1 = null;
        List<Part> parts = new ArrayList<>();
        ProseText pending = null; // the prose at the end of the last piece
        for (Outline outline : outlines) {
            for (int i = 0; i < outline.structural().size(); i++) {
                addProse(parts, joined(pending, outline.runs().get(i)), rendering);
                pending = null;
                Part part = outline.structural().get(i);
                if (part instanceof Heading h) {
                    part = new Heading(h.line(), h.level(), h.text(), anchor(h.text(), anchors, anchorSuffixes));
                    headings.add((Heading) part);
                    if (h.level() == 1 && firstH1 == null) {
                        firstH1 = h.text();
                    }
                }
                parts.add(part);
            }
            pending = joined(pending, outline.runs().getLast());
        }
        addProse(parts, pending, rendering);
        String title = front.title() != null ? front.title() : firstH1 != null ? firstH1 : name;
        return new Runbook(title, front, parts, tree(headings), codeBlocks, warnings);
    }

    /** Prose at the end of one piece and at the start of the next (a piece starts with a heading: never both). */
    private static ProseText joined(ProseText before, ProseText after) {
        if (before == null || after == null) {
            return before == null ? after : before;
        }
        return new ProseText(before.line(), before.markdown() + after.markdown());
    }

    private static void addProse(List<Part> parts, ProseText run, ProseRendering rendering) {
        if (run != null) {
            parts.add(new Prose(run.line(), run.markdown(), rendering));
        }
    }

    /** A link reference definition as one Markdown line. */
    private static String definition(Reference r) {
        if (r.getParent() instanceof Document) {
            return r.getChars().toString().strip();
        }
        // inside a quote or list its lines carry the container's prefixes: rebuilt from its parts as written
        String title = r.getTitle().isEmpty()
                ? ""
                : " " + r.getTitleOpeningMarker() + r.getTitle() + r.getTitleClosingMarker();
        return "[" + r.getReference() + "]: " + r.getUrlOpeningMarker() + r.getUrl() + r.getUrlClosingMarker() + title;
    }

    /**
     * The document's link reference definitions, to put before a run of prose when it renders on its own: after a
     * blank line, and before one, which keeps the run's first line from continuing the last definition's title.
     */
    private static String definitions(List<String> definitions) {
        StringBuilder out = new StringBuilder("\n");
        definitions.forEach(d -> out.append(d).append('\n'));
        return out.append('\n').toString();
    }

    /**
     * Renders one run of prose to sanitised HTML (see {@link Prose#html()}): the run is parsed again on its own,
     * after the document's link definitions, so nested code blocks get their document line numbers. Prose that
     * cannot be rendered within what is {@code left} of the runbook's budget is shown as escaped text.
     */
    String renderProse(ProseRendering rendering, String markdown, int line, Duration left) {
        if (left.isZero()) {
            return HtmlSanitizer.paragraphOf(markdown);
        }
        String text = rendering.references() + markdown;
        LineIndex index = new LineIndex(text, line - 1 - rendering.referenceLines(), rendering.nonce());
        try {
            return inContext(
                    index,
                    new ParseBudget(left),
                    null,
                    () -> HtmlSanitizer.sanitize(renderer.render(parser.parse(text)), rendering.nonce())
                            .strip());
        } catch (StackOverflowError | RuntimeException e) {
            return HtmlSanitizer.paragraphOf(markdown);
        }
    }

    private static String plainText(Node node) {
        return new TextCollectingVisitor().collectAndGetText(node).strip();
    }

    /** Code blocks inside lists and block quotes: steps too, shown in place by markers in the prose. */
    private void collectNested(Node container, Heading section, List<CodeBlock> out, List<Reference> references) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(container);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            for (Node child = n.getLastChild(); child != null; child = child.getPrevious()) {
                if (child instanceof FencedCodeBlock || child instanceof IndentedCodeBlock) {
                    Node prev = child.getPrevious();
                    out.add(codeBlock(child, section, captionFor(prev, null), true));
                } else if (child instanceof Reference r) {
                    references.add(r);
                } else if (child instanceof Block) {
                    stack.push(child);
                }
            }
        }
    }

    private CodeBlock codeBlock(Node node, Heading section, String caption, boolean nested) {
        int line = LineIndex.current().startLine(node);
        int endLine = LineIndex.current().endLine(node);
        List<String> lines = new ArrayList<>();
        String info = "";
        int contentLine = line;
        if (node instanceof FencedCodeBlock f) {
            info = f.getInfo().toString();
            BasedSequence content = f.getContentChars();
            contentLine = line + 1;
            for (String l : content.toString().split("\n", -1)) {
                lines.add(l);
            }
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
        } else if (node instanceof IndentedCodeBlock ind) {
            for (BasedSequence l : ind.getContentLines()) {
                lines.add(stripIndent(l.toString().replace("\n", "")));
            }
        }
        return new CodeBlock(
                line,
                endLine,
                contentLine,
                info,
                lines,
                section == null ? null : section.text(),
                section == null ? 0 : section.line(),
                caption,
                nested);
    }

    private static String stripIndent(String l) {
        int i = 0;
        int col = 0;
        while (i < l.length() && col < 4) {
            char c = l.charAt(i);
            if (c == ' ') {
                col++;
            } else if (c == '\t') {
                col = 4;
            } else {
                break;
            }
            i++;
        }
        return l.substring(i);
    }

    /**
     * The caption of a code block: the text of a {@code <mark>} in the paragraph directly above it, or
     * that paragraph itself when it is one short line; a block directly after another inherits its caption.
     */
    private String captionFor(Node previous, String previousCaption) {
        if (previous == null) {
            return null;
        }
        if (previous instanceof FencedCodeBlock || previous instanceof IndentedCodeBlock) {
            return previousCaption;
        }
        if (previous instanceof Paragraph || previous instanceof HtmlBlock) {
            if (previous instanceof Paragraph p) {
                BoundedInlineParser.parseSkipped(p);
            }
            String raw = previous.getChars().toString();
            String marked = markText(raw);
            if (marked != null) {
                return marked.isEmpty() ? null : marked;
            }
            if (previous instanceof Paragraph && !hasHtml(previous)) {
                String text = plainText(previous);
                if (!text.isEmpty()
                        && text.length() <= MAX_CAPTION_CHARS
                        && !raw.strip().contains("\n")) {
                    return text.endsWith(":")
                            ? text.substring(0, text.length() - 1).strip()
                            : text;
                }
            }
        }
        return null;
    }

    /**
     * Text of the first {@code <mark>...</mark>} in a paragraph, found with plain index searches (a regex
     * with a lazy group is quadratic on hostile input with many unclosed {@code <mark>} tags).
     */
    static String markText(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        int open = lower.indexOf("<mark");
        if (open < 0) {
            return null;
        }
        int openEnd = lower.indexOf('>', open);
        int close = openEnd < 0 ? -1 : lower.indexOf("</mark>", openEnd);
        if (close < 0) {
            return null;
        }
        String marked = raw.substring(openEnd + 1, close);
        if (plainMarkText(marked)) { // no markup, no entity, no space jsoup reads otherwise: itself, blanks collapsed
            return SPACES.matcher(marked.strip()).replaceAll(" ");
        }
        return HtmlSanitizer.text(marked);
    }

    /** Text jsoup would read as it is: no markup, no entity, no space or invisible character but ASCII blanks. */
    private static boolean plainMarkText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<'
                    || c == '&'
                    || (c >= 0x7f
                            && (c <= 0xa0
                                    || Character.isWhitespace(c)
                                    || Character.isSpaceChar(c)
                                    || Character.getType(c) == Character.FORMAT))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasHtml(Node paragraph) {
        for (Node c = paragraph.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof HtmlInline) {
                return true;
            }
        }
        return false;
    }

    private static List<Section> tree(List<Heading> headings) {
        List<Section> roots = new ArrayList<>();
        build(headings, 0, 0, roots);
        return roots;
    }

    /** Builds sections from {@code headings[from..]} whose level is above {@code parentLevel}; returns the next index. */
    private static int build(List<Heading> headings, int from, int parentLevel, List<Section> out) {
        int i = from;
        while (i < headings.size() && headings.get(i).level() > parentLevel) {
            Heading h = headings.get(i);
            List<Section> children = new ArrayList<>();
            i = build(headings, i + 1, h.level(), children);
            out.add(new Section(h, children));
        }
        return i;
    }

    /**
     * A unique anchor for a heading: its slug, then {@code slug-1}, {@code slug-2}, ... for repeats. {@code next}
     * remembers the next suffix to try per slug, so a thousand equal headings cost a thousand steps, not a
     * million.
     */
    static String anchor(String text, Set<String> used, Map<String, Integer> next) {
        String slug = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .transform(t -> NOT_IN_SLUG.matcher(t).replaceAll(""))
                .strip()
                .transform(t -> SPACES.matcher(t).replaceAll("-"));
        if (slug.isEmpty()) {
            slug = "section";
        }
        String candidate = slug;
        int n = next.getOrDefault(slug, 1);
        if (!used.add(candidate)) {
            do {
                candidate = slug + "-" + n++;
            } while (!used.add(candidate));
        }
        next.put(slug, n);
        return candidate;
    }

    /** Upper bound of quote/list nesting, measured on line prefixes before flexmark sees the text. */
    static int nestingDepth(String source) {
        int max = 0;
        int lineStart = 0;
        int n = source.length();
        while (lineStart < n) {
            int depth = 0;
            int i = lineStart;
            int indent = 0;
            while (i < n) {
                char c = source.charAt(i);
                if (c == '>') {
                    depth++;
                } else if (c == ' ') {
                    indent++;
                } else if (c == '\t') {
                    indent += 4;
                } else if ((c == '-' || c == '*' || c == '+') && i + 1 < n && source.charAt(i + 1) == ' ') {
                    depth++;
                    i++;
                } else {
                    break;
                }
                i++;
            }
            max = Math.max(max, depth + indent / 8);
            int nl = source.indexOf('\n', lineStart);
            lineStart = nl < 0 ? n : nl + 1;
        }
        return max;
    }

    /**
     * 1-based line numbers from character offsets by binary search. flexmark's own
     * {@code getStartLineNumber()} scans the document each time, which makes large runbooks quadratic.
     * Set for the duration of one {@link #parse} or one prose rendering on that thread (the renderer needs it too).
     */
    private static final class LineIndex {
        static final ThreadLocal<LineIndex> CURRENT = new ThreadLocal<>();
        private final int[] starts; // where each line starts: the first {@link #lines} entries

        private final int lines;

        /** Lines before the text's first line: a run of prose rendered on its own still counts the document's. */
        private final int linesBefore;

        /** Marks this parse's nested-block markers; prose cannot guess it (see {@link HtmlSanitizer}). */
        final String nonce;

        LineIndex(String text, int linesBefore, String nonce) {
            this.linesBefore = linesBefore;
            this.nonce = nonce;
            int[] found = new int[16 + text.length() / 40];
            int count = 1; // found[0] = 0: the first line starts the text
            for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = nl + 1;
            }
            this.starts = found;
            this.lines = count;
        }

        static LineIndex current() {
            return CURRENT.get();
        }

        int lineOf(int offset) {
            int i = Arrays.binarySearch(starts, 0, lines, offset);
            return (i >= 0 ? i : -i - 2) + 1 + linesBefore;
        }

        /** Where {@code line} (as {@link #lineOf} counts) starts in the text. */
        int lineStartOffset(int line) {
            return starts[line - 1 - linesBefore];
        }

        int startLine(Node node) {
            return lineOf(node.getStartOffset());
        }

        int endLine(Node node) {
            int end = node.getEndOffset();
            return lineOf(Math.max(node.getStartOffset(), end - 1));
        }
    }

    /**
     * Renders code blocks nested in prose as {@code data-block-line} markers that the UI replaces with step widgets.
     * A run of prose holds no heading or top-level code block (those are parts of their own), and no front matter.
     */
    private static final class StructureMarkers implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            Set<NodeRenderingHandler<?>> set = new HashSet<>();
            set.add(new NodeRenderingHandler<>(FencedCodeBlock.class, (node, ctx, html) -> code(node, html)));
            set.add(new NodeRenderingHandler<>(IndentedCodeBlock.class, (node, ctx, html) -> code(node, html)));
            return set;
        }

        private static void code(Node node, HtmlWriter html) {
            if (!(node.getParent() instanceof Document)) {
                html.raw("<div " + HtmlSanitizer.BLOCK_LINE + "=\""
                        + LineIndex.current().startLine(node) + "\" " + HtmlSanitizer.BLOCK_NONCE + "=\""
                        + LineIndex.current().nonce + "\"></div>\n");
            }
        }
    }
}
