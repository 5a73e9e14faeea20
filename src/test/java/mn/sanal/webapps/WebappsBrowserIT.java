package mn.sanal.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import mn.sanal.petitions.PetitionHandlingProcess.Elements;
import mn.sanal.petitions.PetitionHandlingProcess.Values;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.support.Citizen;
import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;

/**
 * The webapps in real Chromium (Debian's {@code chromium} driven through Debian's {@code chromium-driver}; nothing is
 * downloaded), as the people who use them: an official answers a complaint from Tasklist's "Манай байгууллагын
 * даалгавар", the head of the body approves an extension, the aimag's supervisor finds an overdue case on Cockpit's
 * dashboard and opens it. Menus are Mongolian and no "migrate to Camunda 8" banner shows. A screenshot of each step
 * goes to {@code target/browser-screenshots/}. Runs only with {@code -Pbrowser}; there a missing Chromium fails.
 */
@TestPropertySource(properties = "sanal.open311.lookups-per-minute=1000")
class WebappsBrowserIT extends IntegrationTest {

    static final Path CHROMIUM = Path.of(System.getProperty("sanal.browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("sanal.browser.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    static final Duration PATIENCE = Duration.ofSeconds(40);

    @Autowired
    JdbcClient jdbc;

    private WebDriver browser;
    private WebDriverWait await;
    private String testName;
    private int step;

    @BeforeAll
    static void chromiumIsInstalled() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("The browser tests (-Pbrowser) need Debian's chromium at %s: apt-get install -y chromium"
                        + " chromium-driver (or run ./mvnw verify without -Pbrowser)", CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER))
                .as("The browser tests (-Pbrowser) need Debian's chromium-driver at %s: apt-get install -y"
                        + " chromium-driver", CHROMEDRIVER).isTrue();
        Files.createDirectories(SCREENSHOTS);
    }

    @BeforeEach
    void openBrowser(TestInfo test) {
        testName = test.getTestMethod().orElseThrow().getName();
        step = 0;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,1000", "--lang=mn");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "mn,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "Asia/Ulaanbaatar")).build();
        browser = new ChromeDriver(service, options);
        await = new WebDriverWait(browser, PATIENCE);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            screenshot("last");
            browser.quit();
        }
        ClockUtil.reset();
    }

    @Test
    void anOfficialAnswersAComplaintFromTheirBodysTasks() {
        String code = new Citizen(http()).fileHealthComplaint("Сүмбэрийн эмнэлгийн угаалгын өрөөнд ус гоожиж байна.");
        task(as("sumber.health"), code, Elements.RESOLVE);

        login("tasklist", "sumber.health");
        menusAreMongolian("Процесс эхлүүлэх", "Start process");

        openFilter("Манай байгууллагын даалгавар");
        assertThat(taskInList(code)).contains("Өргөдөл шийдвэрлэх · " + code + " · Сүмбэрийн эмнэлгийн");
        screenshot("our-body-filter");
        openTask(code);

        WebElement claim = await.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".task-details button.claim")));
        assertThat(claim.getText()).isEqualTo("Өөр дээрээ авах");
        claim.click();
        await.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//label[contains(., 'Иргэнд хариу өгөх')]")));
        screenshot("claimed");

        click(By.xpath("//label[contains(., 'Иргэнд хариу өгөх')]"));
        typeInto("Иргэнд өгөх хариу", "Сантехникч маргааш засна. Уучлаарай.");
        choose("Шийдвэрлэлтийн үр дүн", "Шийдвэрлэсэн");
        screenshot("answer-form-filled");
        click(By.xpath("//button[normalize-space()='Дуусгах']"));

        await.until(d -> "ANSWERED".equals(status(code)) || "CLOSED".equals(status(code)));
        screenshot("completed");
        assertThat(jdbc.sql("SELECT answer FROM petition WHERE tracking_code = ?").param(code).query(String.class)
                .single()).isEqualTo("Сантехникч маргааш засна. Уучлаарай.");
    }

    @Test
    void theHeadOfTheBodyApprovesAnExtension() {
        String code = new Citizen(http()).fileHealthComplaint("Сүмбэрийн эмнэлгийн дээвэр нурж байна.");
        Http official = as("sumber.health");
        String resolve = task(official, code, Elements.RESOLVE);
        complete(official, resolve, true, form(Vars.RESOLVE_ACTION, Values.ACTION_EXTEND));
        String request = task(official, code, Elements.REQUEST_EXTENSION);
        complete(official, request, false, form(Vars.EXTENSION_DAYS, 10, Vars.EXTENSION_REASON,
                "Засварын төсөв хүлээж байна"));
        task(as("sumber.governor"), code, Elements.APPROVE_EXTENSION);

        login("tasklist", "sumber.governor");
        openFilter("Миний даалгавар");
        assertThat(taskInList(code)).contains("Байгууллагын дарга сунгалт шийдэх · " + code);
        screenshot("my-tasks");
        openTask(code);

        await.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//label[contains(., 'Зөвшөөрөх')]")));
        click(By.xpath("//label[contains(., 'Зөвшөөрөх')]"));
        typeInto("Тэмдэглэл", "Зөвшөөрөв, сунгасан хугацаандаа дуусгана уу");
        screenshot("approval-filled");
        click(By.xpath("//button[normalize-space()='Дуусгах']"));

        await.until(d -> Integer.valueOf(10).equals(extensionDays(code)));
        screenshot("approved");
        task(official, code, Elements.RESOLVE);
    }

    @Test
    void theSupervisorOpensAnOverdueCaseFromCockpitsDashboard() {
        // Filed 40 days ago (the engine's clock): the 30-day term has passed
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.now().minusDays(40).toInstant()));
        String code = new Citizen(http()).fileHealthComplaint("Сүмбэрийн эмнэлэгт эм тариа дутагдаж байна.");
        task(as("sumber.health"), code, Elements.RESOLVE);
        ClockUtil.reset();
        String instance = jdbc.sql("SELECT process_instance_id FROM petition WHERE tracking_code = ?").param(code)
                .query(String.class).single();

        login("cockpit", "govisumber.supervisor");
        menusAreMongolian("Процессууд", "Processes");
        await.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#sanal-overdue-dashboard[data-state=loaded]")));
        WebElement row = await.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr.sanal-overdue-case[data-tracking-code='" + code + "']")));
        assertThat(row.findElement(By.cssSelector("td.sanal-body")).getText())
                .isEqualTo("Сүмбэр сумын Эрүүл мэндийн төв");
        assertThat(Integer.parseInt(row.findElement(By.cssSelector("td.sanal-days-overdue")).getText().replaceAll("\\D", "")))
                .isGreaterThanOrEqualTo(9);
        screenshot("overdue-dashboard");

        row.findElement(By.cssSelector("a.sanal-process-link")).click();
        await.until(ExpectedConditions.urlContains("#/process-instance/" + instance));
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Тохиолдлын ID:"));
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Бизнес түлхүүр:"));
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), code));
        screenshot("process-instance");
        menusAreMongolian("Процессууд", "Processes");
    }

    // ------------------------------------------------------------------------------------------------ the browser

    private void login(String app, String user) {
        browser.get("http://localhost:" + port + "/camunda/app/" + app + "/default/");
        WebElement name = await.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name=signinForm] input[type=text]")));
        assertThat(name.getAttribute("placeholder")).isEqualTo("Хэрэглэгчийн нэр");
        name.sendKeys(user);
        browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
        screenshot(app + "-login");
        browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
        await.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));
    }

    /** The header speaks Mongolian and hides Camunda 7 CE's "migrate to Camunda 8" banner. */
    private void menusAreMongolian(String mongolian, String english) {
        await.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[normalize-space()='" + mongolian + "']")));
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains(mongolian).doesNotContain(english)
                .doesNotContain("migrate to Camunda 8").doesNotContain("Camunda 8 руу шилжих");
        List<WebElement> banners = browser.findElements(By.cssSelector(".ce-eol-banner"));
        assertThat(banners).as("Camunda 7.24 CE renders the banner; our user-styles.css hides it").isNotEmpty()
                .allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
    }

    /** The text of the case's task in Tasklist's list (the list refreshes itself, so it is read afresh). */
    private String taskInList(String code) {
        By item = By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., '" + code + "')]");
        return await.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(item).getText());
    }

    /** Opens the case's task from the list (its link), again if the list re-rendered under the click. */
    private void openTask(String code) {
        By link = By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., '" + code + "')]//h4/a");
        await.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(link).click();
            return true;
        });
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details"), code));
    }

    /** Tasklist's filter of that name (its link also holds the task counter). */
    private void openFilter(String name) {
        click(By.xpath("//*[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[starts-with(normalize-space(), '"
                + name + "')]"));
    }

    private void click(By by) {
        await.until(ExpectedConditions.elementToBeClickable(by));
        // forms and lists re-render while Angular and form-js settle: find it again and click again until it takes
        await.ignoring(ElementClickInterceptedException.class).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement e = d.findElement(by);
                    centre(e);
                    e.click();
                    return true;
                });
    }

    private void centre(WebElement e) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
    }

    /** Types into the form-js text field or text area whose label is {@code label}. */
    private void typeInto(String label, String text) {
        WebElement field = await.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//label[starts-with(normalize-space(), '" + label + "')]/following::*[self::textarea or self::input][1]")));
        By id = By.id(field.getAttribute("id"));
        click(id);
        browser.findElement(id).sendKeys(text);
    }

    /** Picks {@code option} in the form-js select labelled {@code label}. */
    private void choose(String label, String option) {
        WebElement field = await.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//label[starts-with(normalize-space(), '" + label + "')]/following::*[contains(@class,'fjs-input-group')][1]")));
        centre(field);
        await.ignoring(ElementClickInterceptedException.class).until(d -> {
            field.click();
            return true;
        });
        click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + option + "']"));
    }

    private void screenshot(String what) {
        try {
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            String name = String.format("%s-%02d-%s", testName, ++step, what);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            if ("last".equals(what)) {
                Files.writeString(SCREENSHOTS.resolve(name + ".html"), browser.getPageSource(), StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("screenshot " + what + " failed: " + e);
        }
    }

    // ------------------------------------------------------------------------------------- the case, by REST and SQL

    private String task(Http who, String code, String key) {
        String[] id = new String[1];
        eventually().untilAsserted(() -> {
            JsonNode tasks = who.get("/engine-rest/task?processInstanceBusinessKey={code}&taskDefinitionKey={key}",
                    code, key).json();
            assertThat(tasks).hasSize(1);
            id[0] = tasks.get(0).get("id").asText();
        });
        return id[0];
    }

    private void complete(Http who, String taskId, boolean claim, Map<String, Object> variables) {
        if (claim) {
            Http.Response claimed = who.postJson("/engine-rest/task/{id}/claim", Map.of("userId", "sumber.health"),
                    taskId);
            assertThat(claimed.status()).as("%s", claimed).isEqualTo(204);
        }
        Http.Response r = who.postJson("/engine-rest/task/{id}/complete", Map.of("variables", variables), taskId);
        assertThat(r.status()).as("%s", r).isIn(200, 204);
    }

    private static Map<String, Object> form(Object... nameValue) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            Map<String, Object> v = new HashMap<>();
            v.put("value", nameValue[i + 1]);
            out.put((String) nameValue[i], v);
        }
        return out;
    }

    private String status(String code) {
        return jdbc.sql("SELECT status FROM petition WHERE tracking_code = ?").param(code).query(String.class).single();
    }

    private Integer extensionDays(String code) {
        return jdbc.sql("SELECT COALESCE(extension_days, 0) FROM petition WHERE tracking_code = ?").param(code)
                .query(Integer.class).single();
    }
}
