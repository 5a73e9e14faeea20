package mn.sanal.analytics;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mn.sanal.supervision.OverdueQueries;

/** The figures of one group of petitions (a body in a month, an aimag over all months...). */
final class Tally {

    static final List<String> TYPES = List.of("COMPLAINT", "SUGGESTION", "REQUEST", "CRITICISM", "THANKS");

    long received;
    final Map<String, Long> byChannel = new LinkedHashMap<>();
    final Map<String, Long> byType = new LinkedHashMap<>();
    long answered;
    long answeredOnTime;
    long overdue;
    long extensions;
    long transfers;
    long reopened;
    final long[] ratings = new long[5];
    private final List<Double> days = new ArrayList<>();

    Tally() {
        OverdueQueries.CHANNELS.forEach(c -> byChannel.put(c, 0L));
        TYPES.forEach(t -> byType.put(t, 0L));
    }

    void add(Fact f, OffsetDateTime now) {
        received++;
        byChannel.merge(f.channel(), 1L, Long::sum);
        byType.merge(f.type(), 1L, Long::sum);
        if (f.answered()) {
            answered++;
            days.add(f.daysToAnswer());
            if (f.answeredOnTime()) {
                answeredOnTime++;
            }
        }
        if (f.overdue(now, OverdueQueries.OPEN_STATUSES.contains(f.status()))) {
            overdue++;
        }
        if (f.extensionDays() > 0) {
            extensions++;
        }
        transfers += f.transfers();
        reopened += f.reopened();
        if (f.rating() != null && f.rating() >= 1 && f.rating() <= 5) {
            ratings[f.rating() - 1]++;
        }
    }

    /** Share of the answered petitions answered by the due date, in percent; null if none was answered. */
    Double onTimePercent() {
        return answered == 0 ? null : round1(100.0 * answeredOnTime / answered);
    }

    Double medianDays() {
        return percentile(0.5);
    }

    Double p90Days() {
        return percentile(0.9);
    }

    long rated() {
        long n = 0;
        for (long r : ratings) {
            n += r;
        }
        return n;
    }

    Double ratingMean() {
        long n = rated();
        if (n == 0) {
            return null;
        }
        long sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (i + 1) * ratings[i];
        }
        return round2((double) sum / n);
    }

    /** Linear interpolation between the closest ranks (as PostgreSQL's percentile_cont). */
    private Double percentile(double p) {
        if (days.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(days);
        sorted.sort(Double::compare);
        double rank = p * (sorted.size() - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return round1(sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (rank - lo));
    }

    static Double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static Double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
