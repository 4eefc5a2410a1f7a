package dev.probebook.access;

/** The guarded actions of the web app; each needs a least role set in {@code probebook.roles.*}. */
public enum Action {
    RUN("run probes"),
    CAPTURE("capture packets"),
    HOSTS_WRITE("change the hosts file"),
    EDIT("change runbooks"),
    AUDIT("read the audit log"),
    FLOOD("send packets faster than five a second or larger than 1472 bytes"),
    MANAGE("delete reports and start or stop the practice lab");

    private final String description;

    Action(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
