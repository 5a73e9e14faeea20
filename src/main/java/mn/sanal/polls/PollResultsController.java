package mn.sanal.polls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import mn.sanal.platform.Clocks;

/**
 * The published results, open to everyone, no login: a page, JSON and CSV with the question, the options, per bag the
 * votes per option, cast, eligible and turnout, the soum's totals, the window, the approval and confirmation, the
 * message counters and the vote table's hash. Counts only: no person, phone, register number or single vote. A poll
 * that is not published (yet) does not exist here.
 */
@RestController
class PollResultsController {

    private final PollService polls;

    PollResultsController(PollService polls) {
        this.polls = polls;
    }

    @GetMapping("/polls/{code}.json")
    ResponseEntity<Map<String, Object>> json(@PathVariable String code) {
        return published(code).map(p -> ResponseEntity.ok(document(p)))
                .orElse(ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @GetMapping("/polls/{code}.csv")
    ResponseEntity<String> csv(@PathVariable String code) {
        return published(code).map(p -> ResponseEntity.ok().contentType(new MediaType("text", "csv",
                        java.nio.charset.StandardCharsets.UTF_8)).body(csv(p, polls.result(p.id()))))
                .orElse(ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @GetMapping("/polls/{code}")
    ResponseEntity<String> page(@PathVariable String code) {
        return published(code).map(p -> ResponseEntity.ok().contentType(new MediaType("text", "html",
                        java.nio.charset.StandardCharsets.UTF_8)).body(html(p, polls.result(p.id()))))
                .orElse(ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    private java.util.Optional<Poll> published(String code) {
        String c = code == null ? "" : code.strip();
        if (c.isEmpty()) {
            return java.util.Optional.empty();
        }
        if ("Ss".indexOf(c.charAt(0)) >= 0 || c.charAt(0) == 'с') {
            c = "С" + c.substring(1);
        }
        return polls.findByCode(c).filter(p -> p.status() == PollStatus.PUBLISHED);
    }

    Map<String, Object> document(Poll p) {
        Tally t = polls.result(p.id());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("code", p.code());
        d.put("soum", Map.of("code", p.soumCode(), "name", polls.soumName(p)));
        d.put("question", p.question());
        d.put("options", p.options());
        d.put("opensAt", p.opensAt().atZoneSameInstant(Clocks.ZONE).toOffsetDateTime().toString());
        d.put("closesAt", p.closesAt().atZoneSameInstant(Clocks.ZONE).toOffsetDateTime().toString());
        d.put("minAge", p.minAge());
        d.put("replacePolicy", p.replacePolicy().name());
        d.put("approvedAt", p.approvedAt() == null ? null : p.approvedAt().toString());
        d.put("approvedBy", "ИТХ-ын дарга");
        d.put("confirmedAt", p.confirmedAt() == null ? null : p.confirmedAt().toString());
        d.put("bags", t.bags().stream().map(PollResultsController::bag).toList());
        d.put("soumTotal", bag(t.soum()));
        Poll.Counters c = polls.counters(p.id());
        d.put("messages", Map.of("received", c.received(), "valid", c.valid(), "invalid", c.invalid(),
                "late", c.late()));
        d.put("voteTableSha256", p.voteTableSha256());
        return d;
    }

    private static Map<String, Object> bag(Tally.Bag b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", b.code());
        m.put("name", b.name());
        m.put("votes", b.votes());
        m.put("cast", b.cast());
        m.put("eligible", b.eligible());
        m.put("turnoutPercent", b.turnoutPercent());
        return m;
    }

    static String csv(Poll p, Tally t) {
        StringBuilder s = new StringBuilder("bag_code,bag_name");
        for (int i = 0; i < p.options().size(); i++) {
            s.append(",option_").append(i + 1);
        }
        s.append(",cast,eligible,turnout_percent\n");
        for (Tally.Bag b : t.bags()) {
            csvRow(s, b);
        }
        csvRow(s, t.soum());
        return s.toString();
    }

    private static void csvRow(StringBuilder s, Tally.Bag b) {
        s.append(b.code()).append(',').append('"').append(b.name().replace("\"", "\"\"")).append('"');
        for (int v : b.votes()) {
            s.append(',').append(v);
        }
        s.append(',').append(b.cast()).append(',').append(b.eligible()).append(',').append(b.turnoutPercent())
                .append('\n');
    }

    private String html(Poll p, Tally t) {
        StringBuilder s = new StringBuilder("<!DOCTYPE html><html lang=\"mn\"><head><meta charset=\"utf-8\"><title>")
                .append(e(p.code())).append(" санал асуулгын дүн</title></head><body><h1>")
                .append(e(polls.soumName(p))).append(" сумын ИТХ-ын санал асуулга ").append(e(p.code()))
                .append("</h1><p>").append(e(p.question())).append("</p><table border=\"1\"><tr><th>Баг</th>");
        List<String> options = p.options();
        for (int i = 0; i < options.size(); i++) {
            s.append("<th>").append(i + 1).append(". ").append(e(options.get(i))).append("</th>");
        }
        s.append("<th>Нийт</th><th>Эрхтэй</th><th>Ирц</th></tr>");
        for (Tally.Bag b : t.bags()) {
            htmlRow(s, b);
        }
        htmlRow(s, t.soum());
        s.append("</table><p>Хугацаа: ").append(e(Clocks.formatDate(p.opensAt()))).append(" - ")
                .append(e(Clocks.formatDate(p.closesAt()))).append(". Саналын хүснэгтийн SHA-256: <code>")
                .append(e(String.valueOf(p.voteTableSha256()))).append("</code></p><p><a href=\"")
                .append(e(p.code())).append(".json\">JSON</a> · <a href=\"").append(e(p.code()))
                .append(".csv\">CSV</a></p></body></html>");
        return s.toString();
    }

    private static void htmlRow(StringBuilder s, Tally.Bag b) {
        s.append("<tr><td>").append(e(b.name())).append("</td>");
        for (int v : b.votes()) {
            s.append("<td>").append(v).append("</td>");
        }
        s.append("<td>").append(b.cast()).append("</td><td>").append(b.eligible()).append("</td><td>")
                .append(b.turnoutPercent()).append("%</td></tr>");
    }

    private static String e(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }
}
