package dev.probebook.lab;

/**
 * Starts a JDK HTTP server from a virtual thread. The server's dispatcher is a platform thread that inherits the
 * daemon status of the thread that starts it, and virtual threads are daemon threads: so a lab that nobody closed
 * (a crashed test, an abandoned CLI) never keeps the JVM alive. {@link PracticeLab#close()} still stops it.
 */
final class DaemonStart {

    private DaemonStart() {}

    static void run(Runnable start) {
        Thread starter = Thread.ofVirtual().name("lab-start").start(start);
        boolean interrupted = false;
        while (true) {
            try {
                starter.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the start is short: finish it, then keep the interrupt
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
