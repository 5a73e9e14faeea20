package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which statements PostgreSQL plans with their values (AuthorizationIT checks the engine's real SQL). */
class AuthorizedQueryPlansTest {

    @Test
    void readsWithTheAuthorizationCheckArePlannedWithTheirValues() {
        assertThat(AuthorizedQueryPlans.plannedWithValues("""
                select distinct RES.*
                from ACT_RU_TASK RES
                left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*')
                OR A.GROUP_ID_ IN ( ? ) ) ) AUTH ON (AUTH.RESOURCE_ID_ in (RES.ID_, '*'))
                """)).isTrue();
        assertThat(AuthorizedQueryPlans.plannedWithValues(
                "  (select count(distinct RES.ID_) from ACT_RU_TASK RES where exists (select 1 from act_ru_authorization a"
                        + " where a.resource_id_ = RES.ID_))")).isTrue();
    }

    @Test
    void everythingElseUsesThePlanCache() {
        assertThat(AuthorizedQueryPlans.plannedWithValues(null)).isFalse();
        assertThat(AuthorizedQueryPlans.plannedWithValues("select RES.ID_ from ACT_RU_JOB RES where RES.RETRIES_ > 0"))
                .isFalse();
        assertThat(AuthorizedQueryPlans.plannedWithValues("SELECT * FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = ? "
                + "AND GROUP_ID_ = ? AND RESOURCE_TYPE_ = ? AND RESOURCE_ID_ = ?")).isFalse();
        assertThat(AuthorizedQueryPlans.plannedWithValues("insert into ACT_RU_AUTHORIZATION (ID_) values (?)"))
                .isFalse();
        assertThat(AuthorizedQueryPlans.plannedWithValues("delete from ACT_RU_AUTHORIZATION where ID_ = ?"))
                .isFalse();
    }
}
