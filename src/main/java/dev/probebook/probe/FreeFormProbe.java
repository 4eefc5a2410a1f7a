package dev.probebook.probe;

import java.util.List;

/**
 * A probe that can also take lines whose first word is not a command word, such as a hosts-file line
 * {@code 10.0.0.5 app.example.co.kr} written as a step. Such words cannot be listed in
 * {@link Probe#commandWords()}, so the registry asks these probes, in catalogue order, only
 * when no probe knows the first word. The first that claims the line parses it with that first word as
 * the command word.
 *
 * <p>Contract: claim narrowly. Runbooks hold example output in code blocks ({@code Server: 169.254.169.IP},
 * {@code 16:13:14.842107 IP host.35774 > ...}); a claimed line becomes a step, so anything that is not
 * unmistakably this probe's form must be refused. No I/O here: this is called while classifying.
 */
public interface FreeFormProbe {

    /** Whether this probe takes the line; {@code words} includes the first word. */
    boolean claimsLine(List<String> words);
}
