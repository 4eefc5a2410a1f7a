package dev.probebook.search;

/**
 * A runbook that matched a search, with the section that matched best.
 *
 * @param name           the runbook's name, as the store knows it
 * @param title          the runbook's title
 * @param sectionAnchor  the anchor id of the best section on the runbook's page; "" for the text above the first
 *                       heading (the top of the page)
 * @param sectionHeading that section's heading text; "" for the text above the first heading
 * @param snippet        text of that section around the matched words; it may have no match when only the title,
 *                       heading or tags matched
 * @param score          relevance of the best section; comparable only within one search
 */
public record SearchHit(
        String name, String title, String sectionAnchor, String sectionHeading, Snippet snippet, float score) {}
