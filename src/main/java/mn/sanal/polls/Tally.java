package mn.sanal.polls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A poll's result: votes per bag and option, each bag's turnout against its eligible register, and the soum's totals.
 * Counts only, never who voted how.
 */
public record Tally(List<String> options, List<Bag> bags, Bag soum) {

    /** One row of the tally query. */
    public record Cell(String bagCode, int option, int votes) {
    }

    /** A bag's (or the soum's) votes per option (index 0 = option 1), votes cast and eligible residents. */
    public record Bag(String code, String name, int[] votes, int cast, int eligible) {

        /** Turnout in percent with one decimal, 0 when nobody was eligible. */
        public double turnoutPercent() {
            return eligible == 0 ? 0 : Math.round(cast * 1000.0 / eligible) / 10.0;
        }
    }

    static Tally of(List<String> options, List<Cell> cells, Map<String, Integer> eligible, Map<String, String> names,
                    String soumCode, String soumName) {
        Map<String, int[]> byBag = new LinkedHashMap<>();
        eligible.keySet().forEach(b -> byBag.put(b, new int[options.size()]));
        for (Cell c : cells) {
            byBag.computeIfAbsent(c.bagCode(), b -> new int[options.size()])[c.option() - 1] += c.votes();
        }
        List<Bag> bags = new ArrayList<>();
        int[] total = new int[options.size()];
        int totalEligible = 0;
        for (var e : byBag.entrySet()) {
            int cast = 0;
            for (int i = 0; i < total.length; i++) {
                cast += e.getValue()[i];
                total[i] += e.getValue()[i];
            }
            int el = eligible.getOrDefault(e.getKey(), 0);
            totalEligible += el;
            bags.add(new Bag(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue(), cast, el));
        }
        int cast = 0;
        for (int v : total) {
            cast += v;
        }
        return new Tally(options, bags, new Bag(soumCode, soumName, total, cast, totalEligible));
    }
}
