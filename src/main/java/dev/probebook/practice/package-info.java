/**
 * The practice lab as the app runs probes in it: the one lab an admin started ({@link
 * dev.probebook.practice.LabControl}) and the step runner bound to it. The lab itself ({@code dev.probebook.lab}) is
 * servers on loopback and knows no probe; this package joins the two. No Spring, no Vaadin.
 */
package dev.probebook.practice;
