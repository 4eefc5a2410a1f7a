package dev.probebook.lab;

/**
 * Where one scenario is reached: its lab host name, the address that name should lead to, the port actually bound
 * (the preferred one, or the free one that replaced it), the URL to give curl, and what the scenario shows.
 */
public record LabTarget(Scenario scenario, String host, String ip, int port, String url, String description) {}
