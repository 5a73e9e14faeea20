package mn.sanal.analytics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import mn.sanal.analytics.AnalyticsReport.Row;

/**
 * Open data, as the 11-11 centre publishes: per aimag, soum and month, how many petitions came (by type and channel),
 * how many were answered, how many on time, the median days to answer and the mean rating. No login. Counts only:
 * no text, no name, no contact, no body's staff. A cell of fewer than {@link #MIN_CELL} petitions is not shown
 * (counts and derived figures null, {@code suppressed: true}), so no single person's case can be picked out of a
 * small soum's month; a mean of fewer than {@link #MIN_CELL} ratings likewise.
 */
@RestController
class PublicStatistics {

    static final int MIN_CELL = 5;
    /** Open to anybody: computed at most once in this time, so that no stranger can keep the database busy. */
    static final Duration FRESH_FOR = Duration.ofMinutes(10);

    private final AnalyticsQueries queries;
    private volatile Statistics cached;
    private volatile long cachedAt;

    PublicStatistics(AnalyticsQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/public/statistics.json")
    ResponseEntity<Statistics> statistics() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(FRESH_FOR).cachePublic()).body(current());
    }

    private synchronized Statistics current() {
        if (cached == null || System.nanoTime() - cachedAt > FRESH_FOR.toNanos()) {
            List<Cell> cells = queries.publicRows().stream().map(PublicStatistics::cell).toList();
            cached = new Statistics("Иргэдийн өргөдөл, гомдлын нээлттэй статистик", MIN_CELL, cells);
            cachedAt = System.nanoTime();
        }
        return cached;
    }

    static Cell cell(Row r) {
        if (r.received() < MIN_CELL) {
            return new Cell(r.month(), r.aimagCode(), r.aimag(), r.soumCode(), r.soum(), true, null, null, null,
                    null, null, null, null, null, null);
        }
        long rated = r.ratings().stream().mapToLong(Long::longValue).sum();
        return new Cell(r.month(), r.aimagCode(), r.aimag(), r.soumCode(), r.soum(), false, r.received(),
                small(r.byType()), small(r.byChannel()), r.answered(), r.answeredOnTime(), r.onTimePercent(),
                r.answered() < MIN_CELL ? null : r.medianDays(), r.overdue(),
                rated < MIN_CELL ? null : r.ratingMean());
    }

    /** A breakdown's small counts (1 to 4) are shown as null: "fewer than 5". */
    private static Map<String, Long> small(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, v > 0 && v < MIN_CELL ? null : v));
        return out;
    }

    record Statistics(String title, int minCell, List<Cell> cells) {
    }

    record Cell(String month, String aimagCode, String aimag, String soumCode, String soum, boolean suppressed,
                Long received, Map<String, Long> byType, Map<String, Long> byChannel,
                Long answered, Long answeredOnTime, Double onTimePercent, Double medianDays, Long overdue,
                Double ratingMean) {
    }
}
