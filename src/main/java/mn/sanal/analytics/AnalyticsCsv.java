package mn.sanal.analytics;

import java.util.ArrayList;
import java.util.List;

import mn.sanal.analytics.AnalyticsReport.Row;
import mn.sanal.supervision.OverdueQueries;

/**
 * The analytics rows as CSV (RFC 4180, UTF-8 with a byte order mark so that spreadsheet programs read the Cyrillic):
 * a Mongolian header, codes beside names.
 */
final class AnalyticsCsv {

    private static final String[] TYPE_NAMES = {"Гомдол", "Санал", "Хүсэлт", "Шүүмжлэл", "Талархал"};

    private AnalyticsCsv() {
    }

    static String write(List<Row> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>(List.of("Сар", "Аймгийн код", "Аймаг", "Сумын код", "Сум",
                "Байгууллагын код", "Байгууллага", "Ирсэн"));
        OverdueQueries.CHANNELS.forEach(c -> header.add("Ирсэн: " + OverdueQueries.CHANNEL_NAMES.get(c)));
        for (String t : TYPE_NAMES) {
            header.add("Төрөл: " + t);
        }
        header.addAll(List.of("Хариу өгсөн", "Хугацаандаа хариу өгсөн", "Хугацаандаа (%)", "Хариу өгсөн хоног (медиан)",
                "Хариу өгсөн хоног (90%)", "Хугацаа хэтэрсэн", "Сунгасан", "Шилжүүлсэн", "Дахин шалгасан",
                "Үнэлгээ 1", "Үнэлгээ 2", "Үнэлгээ 3", "Үнэлгээ 4", "Үнэлгээ 5", "Дундаж үнэлгээ"));
        line(out, header);
        for (Row r : rows) {
            List<String> cells = new ArrayList<>(List.of(s(r.month()), s(r.aimagCode()), s(r.aimag()),
                    s(r.soumCode()), s(r.soum()), s(r.bodyCode()), s(r.body()), s(r.received())));
            OverdueQueries.CHANNELS.forEach(c -> cells.add(s(r.byChannel().getOrDefault(c, 0L))));
            Tally.TYPES.forEach(t -> cells.add(s(r.byType().getOrDefault(t, 0L))));
            cells.addAll(List.of(s(r.answered()), s(r.answeredOnTime()), s(r.onTimePercent()), s(r.medianDays()),
                    s(r.p90Days()), s(r.overdue()), s(r.extensions()), s(r.transfers()), s(r.reopened())));
            r.ratings().forEach(n -> cells.add(s(n)));
            cells.add(s(r.ratingMean()));
            line(out, cells);
        }
        return out.toString();
    }

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** Quoted when needed; a cell starting with = + - @ is prefixed with ' so no spreadsheet runs it as a formula. */
    static String quote(String cell) {
        String c = cell;
        if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("-?[0-9.]+")) {
            c = "'" + c;
        }
        if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
            return "\"" + c.replace("\"", "\"\"") + "\"";
        }
        return c;
    }
}
