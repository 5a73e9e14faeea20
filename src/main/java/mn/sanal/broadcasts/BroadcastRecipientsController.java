package mn.sanal.broadcasts;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;
import mn.sanal.broadcasts.BroadcastProcess.Vars;
import mn.sanal.organisations.Body;
import mn.sanal.organisations.OrganisationService;
import mn.sanal.outbox.OutboxMessage;
import mn.sanal.platform.OfficialApiAuthentication;

/**
 * {@code GET /api/broadcasts/{processInstanceId}/recipients.csv}: per recipient of one broadcast, for the soum
 * office: phone, bag, status (sent, delivered, failed, opted out, cancelled, pending), attempts, times; the first
 * sending (round 1) and the one retry of its failures (round 2). No text of any message. Only members of that soum's
 * Governor's office or Khural (login as {@link OfficialApiAuthentication}); anyone else 403, no login 401. Written
 * to the response page by page (1,000 outbox rows at a time), never built whole in memory.
 */
@RestController
class BroadcastRecipientsController {

    static final String HEADER = "утас,баг,төлөв,оролдлого,үе,бичсэн,илгээсэн\n";
    private static final int OPTED_OUT_PAGE = 1000;

    private final IdentityService identity;
    private final HistoryService history;
    private final OrganisationService organisations;
    private final BroadcastService broadcasts;
    private final JdbcClient jdbc;

    BroadcastRecipientsController(IdentityService identity, HistoryService history, OrganisationService organisations,
                                  BroadcastService broadcasts, JdbcClient jdbc) {
        this.identity = identity;
        this.history = history;
        this.organisations = organisations;
        this.broadcasts = broadcasts;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/broadcasts/{processInstanceId}/recipients.csv")
    void recipients(@PathVariable String processInstanceId, HttpServletResponse response) throws IOException {
        Authentication a = identity.getCurrentAuthentication();
        if (a == null || a.getUserId() == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        Map<String, Object> vars = variables(a, processInstanceId);
        String soum = (String) vars.get(Vars.SOUM);
        String campaign = (String) vars.get(Vars.CAMPAIGN);
        if (soum == null || campaign == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Ийм мэдээ илгээгээгүй");
        }
        List<String> groups = a.getGroupIds() == null ? List.of() : a.getGroupIds();
        boolean own = organisations.bodies().stream()
                .filter(b -> b.kind() == Body.Kind.GOVERNOR_OFFICE || b.kind() == Body.Kind.KHURAL)
                .anyMatch(b -> soum.equals(b.unitCode()) && groups.contains(b.groupId()));
        if (!own) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Зөвхөн тухайн сумын Засаг даргын Тамгын газар, ИТХ үзнэ");
        }
        String bags = Optional.ofNullable((String) vars.get(Vars.AUDIENCE_BAGS)).orElse("");
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"broadcast-" + processInstanceId
                + "-recipients.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(HEADER);
        write(out, campaign, "1");
        write(out, BroadcastService.retryCampaign(campaign), "2");
        writeOptedOut(out, campaign, soum, bags);
        out.flush();
    }

    /** The broadcast's soum, campaign and bags, read whatever the official may read of the engine's history. */
    private Map<String, Object> variables(Authentication a, String processInstanceId) {
        identity.clearAuthentication();
        try {
            Map<String, Object> vars = new HashMap<>();
            for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(processInstanceId)
                    .variableNameIn(Vars.SOUM, Vars.CAMPAIGN, Vars.AUDIENCE_BAGS).list()) {
                if (v.getValue() != null) {
                    vars.put(v.getName(), v.getValue());
                }
            }
            return vars;
        } finally {
            identity.setAuthentication(a);
        }
    }

    private void write(Writer out, String campaign, String round) {
        broadcasts.forEachRow(campaign, page -> {
            Map<String, String> bagOf = bagsOf(page.stream().map(OutboxMessage::recipient).toList());
            try {
                for (OutboxMessage m : page) {
                    row(out, m.recipient(), bagOf.getOrDefault(m.recipient(), ""), status(m), m.attempts(), round,
                            m.createdAt(), m.sentAt());
                }
                out.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The audience's phones left out because they said ЗОГС, page by page (phones with a row are listed above). */
    private void writeOptedOut(Writer out, String campaign, String soum, String bags) throws IOException {
        String after = "";
        while (true) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("soum", soum);
            p.put("after", after);
            p.put("prefix", campaign + ":");
            p.put("limit", OPTED_OUT_PAGE);
            if (!bags.isBlank()) {
                p.put("bags", List.of(bags.split(",")));
            }
            List<String[]> rows = jdbc.sql("SELECT p.phone, c.bag_code FROM citizen_phone p"
                    + " JOIN citizen c ON c.id = p.citizen_id WHERE c.soum_code = :soum"
                    + (bags.isBlank() ? "" : " AND c.bag_code IN (:bags)")
                    + " AND EXISTS (SELECT 1 FROM opt_out o WHERE o.channel = 'SMS' AND o.address = p.phone"
                    + " AND o.opted_out = TRUE)"
                    + " AND NOT EXISTS (SELECT 1 FROM outbox x WHERE x.message_key = :prefix || p.phone)"
                    + " AND p.phone > :after ORDER BY p.phone LIMIT :limit")
                    .params(p).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
            for (String[] r : rows) {
                row(out, r[0], r[1], "opted out", 0, "", null, null);
            }
            out.flush();
            if (rows.size() < OPTED_OUT_PAGE) {
                return;
            }
            after = rows.get(rows.size() - 1)[0];
        }
    }

    private Map<String, String> bagsOf(List<String> phones) {
        Map<String, String> bags = new HashMap<>();
        if (phones.isEmpty()) {
            return bags;
        }
        jdbc.sql("SELECT p.phone, c.bag_code FROM citizen_phone p JOIN citizen c ON c.id = p.citizen_id"
                + " WHERE p.phone IN (:phones)").param("phones", phones)
                .query(rs -> {
                    bags.put(rs.getString(1), rs.getString(2));
                });
        return bags;
    }

    static String status(OutboxMessage m) {
        return switch (m.status()) {
            case "SENT" -> "DELIVERED".equals(m.deliveryStatus()) ? "delivered"
                    : "FAILED".equals(m.deliveryStatus()) ? "failed" : "sent";
            case "FAILED" -> "failed";
            case "CANCELLED" -> "cancelled";
            default -> "pending";
        };
    }

    private static void row(Writer out, String phone, String bag, String status, int attempts, String round,
                            OffsetDateTime created, OffsetDateTime sent) throws IOException {
        out.write(phone + "," + (bag == null ? "" : bag) + "," + status + "," + attempts + "," + round + ","
                + (created == null ? "" : created.toString()) + "," + (sent == null ? "" : sent.toString()) + "\n");
    }
}
