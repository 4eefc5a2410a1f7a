package dev.probebook.probe.capture;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

/** tcpdump's timestamp column: default, {@code -t}, {@code -tt}, {@code -ttt}, {@code -tttt}, {@code -ttttt}. */
enum TimestampStyle {
    /** {@code 16:13:14.842107} (local time). */
    TIME_OF_DAY,
    /** {@code -t}: no timestamp. */
    NONE,
    /** {@code -tt}: {@code 1732510390.842107}. */
    EPOCH,
    /** {@code -ttt}: delta to the previous packet, {@code 00:00:00.000123}. */
    DELTA_PREVIOUS,
    /** {@code -tttt}: {@code 2024-11-25 16:13:14.842107}. */
    DATE_TIME,
    /** {@code -ttttt}: delta to the first packet. */
    DELTA_FIRST;

    /** The style for {@code n} {@code -t} flags. */
    static TimestampStyle ofCount(int n) {
        return switch (n) {
            case 0 -> TIME_OF_DAY;
            case 1 -> NONE;
            case 2 -> EPOCH;
            case 3 -> DELTA_PREVIOUS;
            case 4 -> DATE_TIME;
            default -> DELTA_FIRST;
        };
    }

    /** The column with its trailing space, or "" for {@link #NONE}. */
    String format(Instant time, Instant previous, Instant first, ZoneId zone) {
        return switch (this) {
            case NONE -> "";
            case TIME_OF_DAY -> {
                LocalDateTime t = LocalDateTime.ofInstant(time, zone);
                yield String.format(
                        Locale.ROOT,
                        "%02d:%02d:%02d.%06d ",
                        t.getHour(),
                        t.getMinute(),
                        t.getSecond(),
                        t.getNano() / 1000);
            }
            case EPOCH -> String.format(Locale.ROOT, "%d.%06d ", time.getEpochSecond(), time.getNano() / 1000);
            case DATE_TIME -> {
                LocalDateTime t = LocalDateTime.ofInstant(time, zone);
                yield String.format(
                        Locale.ROOT,
                        "%04d-%02d-%02d %02d:%02d:%02d.%06d ",
                        t.getYear(),
                        t.getMonthValue(),
                        t.getDayOfMonth(),
                        t.getHour(),
                        t.getMinute(),
                        t.getSecond(),
                        t.getNano() / 1000);
            }
            case DELTA_PREVIOUS -> delta(previous == null ? time : previous, time);
            case DELTA_FIRST -> delta(first == null ? time : first, time);
        };
    }

    private static String delta(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return String.format(
                Locale.ROOT,
                "%02d:%02d:%02d.%06d ",
                d.toHours(),
                d.toMinutesPart(),
                d.toSecondsPart(),
                d.toNanosPart() / 1000);
    }
}
