package mn.sanal.ldf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import mn.sanal.ldf.Ldf.Cycle;
import mn.sanal.ldf.Ldf.CycleStatus;
import mn.sanal.ldf.Ldf.Project;
import mn.sanal.ldf.Ldf.Proposal;
import mn.sanal.ldf.Ldf.ProposalStatus;

/**
 * The fund in public, without login and without personal data (no author's name, phone or mail, no reviewer, no
 * voter): the cycles, the draft list from its disclosure on (the working group's shortlist, then the Khural's
 * decisions) with the comments counted, and the year report of the projects, as JSON, CSV and a page.
 */
@RestController
@RequestMapping("/ldf")
class LdfPublicController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    /** Cycle statuses from which the draft list is public. */
    private static final Set<CycleStatus> DISCLOSED = EnumSet.of(CycleStatus.DISCLOSED, CycleStatus.KHURAL,
            CycleStatus.IMPLEMENTING, CycleStatus.REPORTED, CycleStatus.CLOSED);
    /** Proposals on the public list: the shortlist and what the Khural made of it. */
    private static final Set<ProposalStatus> LISTED = EnumSet.of(ProposalStatus.SHORTLISTED, ProposalStatus.APPROVED,
            ProposalStatus.REFUSED);
    private static final List<String> PROPOSAL_COLUMNS = List.of("number", "bag", "text", "status", "cost_estimate",
            "approved_amount", "comments");
    private static final List<String> REPORT_COLUMNS = List.of("number", "title", "bag", "approved_amount",
            "contractor", "contract_amount", "glass_account", "starts_on", "ends_on", "status", "progress_percent",
            "oversight_reviews", "lowest_quality", "verdict_count", "verdict_average", "verdict_1", "verdict_2",
            "verdict_3", "verdict_4", "verdict_5");

    private final LdfService service;

    LdfPublicController(LdfService service) {
        this.service = service;
    }

    @GetMapping(path = "/cycles/{soum}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> cycles(@PathVariable String soum) {
        return service.cyclesOf(soum).stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("soum", service.placeName(c.soumCode()));
            m.put("year", c.year());
            m.put("fund_amount", c.fundAmount());
            m.put("status", c.status().name());
            m.put("collection_closes_at", c.collectionClosesAt().toString());
            m.put("comment_ends_at", c.commentEndsAt() == null ? null : c.commentEndsAt().toString());
            return m;
        }).toList();
    }

    @GetMapping(path = "/cycle/{id}/proposals.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<Map<String, Object>>> proposals(@PathVariable long id) {
        return disclosed(id).map(c -> ResponseEntity.ok(proposalRows(c))).orElse(notFound());
    }

    @GetMapping(path = "/cycle/{id}/proposals.csv")
    ResponseEntity<String> proposalsCsv(@PathVariable long id) {
        return disclosed(id).map(c -> csv(PROPOSAL_COLUMNS, proposalRows(c))).orElse(notFound());
    }

    @GetMapping(path = "/cycle/{id}/report.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<Map<String, Object>>> report(@PathVariable long id) {
        return service.findCycle(id).map(c -> ResponseEntity.ok(reportRows(c))).orElse(notFound());
    }

    @GetMapping(path = "/cycle/{id}/report.csv")
    ResponseEntity<String> reportCsv(@PathVariable long id) {
        return service.findCycle(id).map(c -> csv(REPORT_COLUMNS, reportRows(c))).orElse(notFound());
    }

    @GetMapping(path = "/cycle/{id}/report.html")
    ResponseEntity<String> reportPage(@PathVariable long id) {
        return service.findCycle(id).map(c -> {
            StringBuilder h = new StringBuilder("<!doctype html><html lang=\"mn\"><head><meta charset=\"utf-8\">"
                    + "<title>ОНХС тайлан</title></head><body><h1>")
                    .append(esc(service.placeName(c.soumCode()) + " сумын ОНХС, " + c.year() + " он")).append("</h1>")
                    .append("<p>").append(esc("Сан " + LdfService.money(c.fundAmount()) + ". Төлөв: " + c.status()))
                    .append("</p><table border=\"1\"><tr>");
            REPORT_COLUMNS.forEach(col -> h.append("<th>").append(col).append("</th>"));
            h.append("</tr>");
            for (Map<String, Object> row : reportRows(c)) {
                h.append("<tr>");
                REPORT_COLUMNS.forEach(col -> h.append("<td>").append(esc(String.valueOf(
                        row.get(col) == null ? "" : row.get(col)))).append("</td>"));
                h.append("</tr>");
            }
            h.append("</table><p><a href=\"report.csv\">CSV</a></p></body></html>");
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML,
                    java.nio.charset.StandardCharsets.UTF_8)).body(h.toString());
        }).orElse(notFound());
    }

    private java.util.Optional<Cycle> disclosed(long id) {
        return service.findCycle(id).filter(c -> DISCLOSED.contains(c.status()));
    }

    private List<Map<String, Object>> proposalRows(Cycle c) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Proposal p : service.proposals(c.id())) {
            if (!LISTED.contains(p.status())) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", p.id());
            m.put("bag", service.placeName(p.bagCode()));
            m.put("text", p.text());
            m.put("status", p.status().name());
            m.put("cost_estimate", p.costEstimate());
            m.put("approved_amount", p.approvedAmount());
            m.put("comments", service.comments(p.id()).size());
            rows.add(m);
        }
        return rows;
    }

    private List<Map<String, Object>> reportRows(Cycle c) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Project p : service.projects(c.id())) {
            List<Ldf.Review> reviews = service.reviews(p.id()).stream()
                    .filter(r -> r.kind() == Ldf.ReviewKind.OVERSIGHT || r.kind() == Ldf.ReviewKind.FINAL).toList();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", p.proposalId());
            m.put("title", p.title());
            m.put("bag", service.placeName(p.bagCode()));
            m.put("approved_amount", p.approvedAmount());
            m.put("contractor", p.contractor());
            m.put("contract_amount", p.contractAmount());
            m.put("glass_account", p.glassAccount());
            m.put("starts_on", p.startsOn() == null ? null : p.startsOn().toString());
            m.put("ends_on", p.endsOn() == null ? null : p.endsOn().toString());
            m.put("status", p.status().name());
            m.put("progress_percent", p.progressPercent());
            m.put("oversight_reviews", reviews.size());
            m.put("lowest_quality", reviews.stream().map(Ldf.Review::quality).filter(q -> q != null)
                    .min(Integer::compare).orElse(null));
            m.put("verdict_count", p.verdictCount());
            m.put("verdict_average", p.verdictAverage());
            for (int i = 0; i < 5; i++) {
                m.put("verdict_" + (i + 1), p.verdictDistribution()[i]);
            }
            rows.add(m);
        }
        return rows;
    }

    static ResponseEntity<String> csv(List<String> columns, List<Map<String, Object>> rows) {
        StringBuilder s = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (Map<String, Object> row : rows) {
            s.append(String.join(",", columns.stream().map(col -> cell(row.get(col))).toList())).append("\r\n");
        }
        return ResponseEntity.ok().contentType(CSV).body(s.toString());
    }

    /** RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String v = String.valueOf(value);
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !(value instanceof Number)) {
            v = "'" + v;
        }
        return v.matches(".*[\",\\r\\n'].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }

    private static <T> ResponseEntity<T> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
}
