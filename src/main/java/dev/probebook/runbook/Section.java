package dev.probebook.runbook;

import java.util.List;

/** A node of the heading tree: a heading and the sections nested under it. */
public record Section(Heading heading, List<Section> children) {
    public Section {
        children = List.copyOf(children);
    }
}
