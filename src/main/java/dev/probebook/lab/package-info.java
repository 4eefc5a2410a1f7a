/**
 * The practice lab: real network faults on loopback for operators to practise runbooks on, one per
 * {@link dev.probebook.lab.Scenario} (open, refused, dropped, expired certificate, NXDOMAIN, hosts-file override,
 * intermittent virtual IP), with a DNS server, hosts file, certificate authority and address echo of its own.
 * {@link dev.probebook.lab.PracticeLab} starts and stops it and says how probes reach it.
 *
 * <p>Everything binds to 127.0.0.x and the lab DNS never forwards a query, so no packet leaves the machine. The
 * package depends on the JDK, dnsjava and okhttp-tls only: neither Spring nor Vaadin, nor the probes it is
 * practised with (they meet it only through the {@code probebook.*} properties it hands out).
 *
 * <p>Threads: each service runs on its own threads (virtual threads; the JDK HTTP servers' dispatchers), started by
 * {@link dev.probebook.lab.PracticeLab#start} and ended by {@link dev.probebook.lab.PracticeLab#close}.
 */
package dev.probebook.lab;
