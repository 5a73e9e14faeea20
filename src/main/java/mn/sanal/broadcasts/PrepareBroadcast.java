package mn.sanal.broadcasts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

import mn.sanal.broadcasts.BroadcastProcess.Data;
import mn.sanal.citizens.Audience;
import mn.sanal.citizens.CitizenRegister;
import mn.sanal.organisations.Body;
import mn.sanal.organisations.OrganisationService;

/**
 * {@code ${prepareBroadcast}}: whose broadcast (the author's Governor's office or Khural, hence the soum and the
 * approver), to whom, and what it will cost: recipients, segments each and in all, shown to the approver.
 */
@Component("prepareBroadcast")
class PrepareBroadcast implements JavaDelegate {

    private final IdentityService identity;
    private final OrganisationService organisations;
    private final CitizenRegister register;
    private final BroadcastService broadcasts;

    PrepareBroadcast(IdentityService identity, OrganisationService organisations, CitizenRegister register,
                     BroadcastService broadcasts) {
        this.identity = identity;
        this.organisations = organisations;
        this.register = register;
        this.broadcasts = broadcasts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String author = Data.AUTHOR.get(execution);
        Body body = authorsBody(author);
        String soum = body.unitCode();
        String text = Data.TEXT.optional(execution).map(String::strip).orElse("");
        if (text.isEmpty() || text.length() > BroadcastService.MAX_TEXT) {
            throw new BadUserRequestException("Мэдээний текст 1-" + BroadcastService.MAX_TEXT + " тэмдэгт байна.");
        }
        Set<String> bags = bags(soum, Data.BAGS.optional(execution).orElse(""));
        Audience audience = Audience.bags(soum, bags);
        BroadcastService.Preview p = broadcasts.preview(audience, text);
        Data.TEXT.set(execution, text);
        Data.SOUM.set(execution, soum);
        Data.AUTHOR_GROUP.set(execution, body.groupId());
        Data.AUDIENCE_BAGS.set(execution, String.join(",", audience.bagCodes()));
        Data.APPROVER.set(execution, body.headUserId());
        Data.CAMPAIGN.set(execution, "broadcast:" + execution.getProcessInstanceId());
        Data.RECIPIENTS.set(execution, p.recipients());
        Data.OPTED_OUT.set(execution, p.optedOut());
        Data.SEGMENTS_EACH.set(execution, p.segmentsEach());
        Data.SEGMENTS_TOTAL.set(execution, p.segmentsTotal());
        Data.AUDIENCE_TEXT.set(execution, describe(soum, audience));
        Data.BILLING_TEXT.set(execution, p.recipients() + " утас × " + p.segmentsEach() + " SMS = "
                + p.segmentsTotal() + " SMS төлбөртэй ("
                + (p.encoding() == SmsSegments.Encoding.UCS2 ? "кирилл: нэг SMS 70, урт бол 67 тэмдэгт"
                        : "латин: нэг SMS 160, урт бол 153 тэмдэгт")
                + "). Татгалзсан (ЗОГС) " + p.optedOut() + " утсанд илгээхгүй.");
    }

    private String describe(String soum, Audience audience) {
        String place = organisations.describe(soum.substring(0, soum.indexOf('.')), soum, null);
        if (audience.wholeSoum()) {
            return place + " (бүх баг)";
        }
        List<String> names = new ArrayList<>();
        audience.bagCodes().forEach(b -> organisations.unit(b).ifPresent(u -> names.add(u.nameMn())));
        return place + ": " + String.join(", ", names);
    }

    /** "1, 3" (bag numbers) or bag codes; empty: the whole soum. */
    private Set<String> bags(String soum, String raw) {
        Set<String> codes = new LinkedHashSet<>();
        List<String> all = register.bagsOf(soum);
        for (String part : raw.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            String code = part.matches("\\d{1,2}") ? soum + "." + Integer.parseInt(part) : part.strip();
            if (!all.contains(code)) {
                throw new BadUserRequestException("Баг \"" + part + "\" энэ суманд байхгүй.");
            }
            codes.add(code);
        }
        return codes;
    }

    private Body authorsBody(String author) {
        // the author's groups whatever the author may read of the identity service
        List<String> groups = Context.getCommandContext().runWithoutAuthorization(() -> identity.createGroupQuery()
                .groupMember(author).list().stream().map(Group::getId).toList());
        List<Body> bodies = organisations.bodies().stream()
                .filter(b -> b.kind() == Body.Kind.GOVERNOR_OFFICE || b.kind() == Body.Kind.KHURAL)
                .filter(b -> groups.contains(b.groupId())).toList();
        if (bodies.size() != 1) {
            throw new BadUserRequestException(
                    "Мэдээг сумын Засаг даргын Тамгын газар эсвэл ИТХ-ын нарийн бичиг илгээнэ.");
        }
        return bodies.get(0);
    }

    static Audience audience(DelegateExecution execution) {
        String bags = Data.AUDIENCE_BAGS.optional(execution).orElse("");
        return Audience.bags(Data.SOUM.get(execution),
                bags.isBlank() ? Set.of() : new LinkedHashSet<>(List.of(bags.split(","))));
    }
}
