package mn.sanal.ldf;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.organisations.OrgUnit;
import mn.sanal.organisations.OrganisationService;

/**
 * Demo people of the fund in the Khentii soums (default and postgres profiles; never prod), password "demo": per bag
 * its Governor ({@code delgerkhaan.bag1.governor}) and two Khural representatives ({@code delgerkhaan.bag1.rep1},
 * {@code .rep2}); per soum two working group members ({@code delgerkhaan.wg1}, {@code .wg2}, with the Governor's
 * office official) and a commission member ({@code delgerkhaan.commission}). Idempotent.
 */
@Component
@ConditionalOnProperty(name = "sanal.demo.enabled", havingValue = "true")
class LdfDemoData {

    static final List<String> SOUMS = List.of("khentii.delgerkhaan", "khentii.jargaltkhaan", "khentii.batshireet");
    private static final Logger log = LoggerFactory.getLogger(LdfDemoData.class);
    private static final String[][] NAMES = {
            {"Батцэцэг", "Должин"}, {"Ганзориг", "Сүрэн"}, {"Мөнхбат", "Пүрэв"}, {"Оюунгэрэл", "Бат"},
            {"Нямсүрэн", "Гүр"}, {"Энхбол", "Дамба"}, {"Цэндсүрэн", "Лхам"}, {"Баярмаа", "Жигжид"}};

    private final OrganisationService organisations;
    private final IdentityService identity;
    private int nameIndex;

    LdfDemoData(OrganisationService organisations, IdentityService identity) {
        this.organisations = organisations;
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(3)
    @Transactional
    public void load() {
        nameIndex = 0;
        int users = 0;
        for (String soum : SOUMS) {
            String shortName = soum.substring(soum.indexOf('.') + 1);
            for (OrgUnit bag : organisations.units()) {
                if (bag.level() != OrgUnit.Level.BAG || !soum.equals(bag.parentCode())) {
                    continue;
                }
                String n = bag.code().substring(bag.code().lastIndexOf('.') + 1);
                String prefix = shortName + ".bag" + n;
                member(user(prefix + ".governor", bag.nameMn() + "ийн Засаг дарга"), LdfGroups.bagGovernors(bag.code()));
                member(user(prefix + ".rep1", "ИТХ-ын төлөөлөгч"), LdfGroups.khuralReps(bag.code()));
                member(user(prefix + ".rep2", "ИТХ-ын төлөөлөгч"), LdfGroups.khuralReps(bag.code()));
                users += 3;
            }
            member(user(shortName + ".wg1", "ОНХС ажлын хэсэг"), LdfGroups.workingGroup(soum));
            member(user(shortName + ".wg2", "ОНХС ажлын хэсэг"), LdfGroups.workingGroup(soum));
            member(shortName + ".office", LdfGroups.workingGroup(soum));
            member(user(shortName + ".commission", "Хүлээн авах комисс"), LdfGroups.commission(soum));
            users += 3;
        }
        log.info("Local Development Fund demo: {} people in {} soums; every demo password is 'demo'", users,
                SOUMS.size());
    }

    private void member(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).count() > 0
                && identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    private String user(String id, String role) {
        String[] name = NAMES[nameIndex++ % NAMES.length];
        if (identity.createUserQuery().userId(id).count() == 0) {
            User u = identity.newUser(id);
            u.setFirstName(name[0]);
            u.setLastName(name[1] + " (" + role + ")");
            u.setEmail(id + "@sanal.example");
            u.setPassword("demo");
            identity.saveUser(u);
        }
        return id;
    }
}
