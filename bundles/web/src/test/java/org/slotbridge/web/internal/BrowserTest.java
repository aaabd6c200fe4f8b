package org.slotbridge.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slotbridge.api.Audience;
import org.slotbridge.api.Category;
import org.slotbridge.api.ClientKind;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Reason;
import org.slotbridge.api.ReasonRules;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.Timing;

/**
 * Drives the pages in the system's headless Chromium, on a phone-sized and a desktop-sized window,
 * and keeps screenshots under {@code target/screenshots}. Skipped where Chromium is not installed
 * (Debian packages {@code chromium} and {@code chromium-driver}).
 */
class BrowserTest {

    private static final File DRIVER = new File("/usr/bin/chromedriver");
    private static final File BROWSER = new File("/usr/bin/chromium");
    private static final Path SHOTS = Path.of("target", "screenshots");
    /** How long a page may take to replace the last; generous, for a busy machine. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Fixture fx = new Fixture();
    private TestServer server;
    private ChromeDriver driver;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(DRIVER.canExecute() && BROWSER.canExecute(),
                "Chromium and its driver are not installed; skipping the browser test");
        offerTwoWeeks();
        fx.booking.filter = true;
        server = new TestServer(fx);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-extensions", "--disable-sync", "--no-first-run",
                "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aClientBooksOnAPhone() throws Exception {
        phone();
        fx.directory.categories.add(new Category("kids", "Children", "Routine care", "For children under 12."));
        fx.directory.reasons.add(new Reason("first-kids", "A child's first visit", "kids", "A gentle first look.",
                Duration.ofMinutes(30), Set.of(), Set.of(), Set.of(), List.of(),
                new ReasonRules(null, null, null, Audience.NEW_CLIENTS, Set.of(), null, Timing.INHERIT)));
        driver.get(server.url("/p/demo/"));
        assertFitsTheWidth();
        shot("1-new-or-known-phone");

        follow(By.cssSelector("a.client-choice[href$='client=existing']"));
        assertTrue(driver.findElements(By.cssSelector("a.reason[href*='first-kids']")).isEmpty(),
                "a visit for new clients is not offered to a known client");
        follow(By.cssSelector(".client-said a"));
        follow(By.cssSelector("a.client-choice[href$='client=new']"));
        // the theme writes headings in capitals
        assertEquals(List.of("routine care", "children", "something hurts"), driver.findElements(
                By.cssSelector(".reason-group__title")).stream()
                .map(e -> e.getText().strip().toLowerCase(java.util.Locale.ROOT)).toList());
        assertFitsTheWidth();
        shot("1b-reasons-phone");

        follow(By.cssSelector("a.reason[href*='reason=checkup']"));
        assertEquals("Check-up", driver.findElement(By.tagName("h1")).getText());
        assertFitsTheWidth();
        shot("2-openings-phone");

        driver.findElement(By.cssSelector(".prefs__summary")).click();
        driver.findElement(By.cssSelector(".chip input[value=monday] + span")).click();
        driver.findElement(By.cssSelector(".chip input[value=morning] + span")).click();
        shot("2b-preferences-phone");
        assertFitsTheWidth();
        follow(By.cssSelector(".prefs__form button[type=submit]"));
        assertEquals(List.of("Monday 7 December", "Monday 14 December"), driver.findElements(
                By.cssSelector(".day__title")).stream().map(WebElement::getText).toList());
        assertTrue(driver.findElement(By.cssSelector(".chip input[value=monday]")).isSelected());
        assertEquals(ClientKind.NEW, fx.booking.lastPreferences.client(), "the answer goes on to the search");

        WebElement first = driver.findElement(By.cssSelector(".slot"));
        assertTrue(first.getAttribute("aria-label").startsWith("Check-up, Monday 7 December, 0"),
                first.getAttribute("aria-label"));
        WebElement page = driver.findElement(By.tagName("html"));
        first.click();
        new WebDriverWait(driver, WAIT).until(gone(page));
        assertEquals("Your details", driver.findElement(By.tagName("h1")).getText());
        assertEquals("new", driver.findElement(By.cssSelector("form#form input[name=client]")).getAttribute("value"));

        driver.findElement(By.id("email")).sendKeys("not-an-email");
        driver.findElement(By.id("privacyCode")).sendKeys("tulip-42");
        driver.findElement(By.id("memo")).sendKeys("<b>Nervous</b> about needles");
        follow(By.cssSelector(".request-form button[type=submit]"));
        assertEquals("Enter an email address like name@example.com.",
                driver.findElement(By.id("email-error")).getText());
        assertEquals("<b>Nervous</b> about needles", driver.findElement(By.id("memo")).getAttribute("value"));
        assertEquals("", driver.findElement(By.id("privacyCode")).getAttribute("value"));
        assertFitsTheWidth();
        shot("3-details-with-error-phone");

        driver.findElement(By.id("email")).clear();
        driver.findElement(By.id("email")).sendKeys("maria@example.org");
        driver.findElement(By.id("privacyCode")).sendKeys("tulip-42");
        driver.findElement(By.id("clientName")).sendKeys("Maria Lopez");
        follow(By.cssSelector(".request-form button[type=submit]"));
        assertEquals("Thank you, your request is sent", driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.findElement(By.cssSelector(".facts")).getText().contains("Monday 7 December, 0"));
        shot("4-done-phone");
        assertEquals("maria@example.org", fx.booking.lastForm.email());
    }

    @Test
    void aDoubleClickOnSendMakesOneRequest() {
        driver.get(server.url("/p/demo/openings?reason=checkup&client=new"));
        follow(By.cssSelector(".slot"));
        driver.findElement(By.id("email")).sendKeys("maria@example.org");
        driver.findElement(By.id("privacyCode")).sendKeys("tulip-42");
        driver.findElement(By.id("clientName")).sendKeys("Maria Lopez");
        WebElement page = driver.findElement(By.tagName("html"));
        new Actions(driver).doubleClick(driver.findElement(By.cssSelector(".request-form button[type=submit]")))
                .perform();
        new WebDriverWait(driver, WAIT).until(gone(page));
        new WebDriverWait(driver, WAIT).until(browser -> browser.getCurrentUrl().contains("/done?"));

        assertEquals("Thank you, your request is sent", driver.findElement(By.tagName("h1")).getText());
        assertEquals(1, fx.booking.calls.stream().filter(c -> c.startsWith("request ") || c.startsWith("submit "))
                .count(), fx.booking.calls.toString());
    }

    @Test
    void pagesLookRightOnADesktop() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(server.url("/p/demo/openings?reason=checkup&days=monday&days=tuesday&times=morning"));
        assertTrue(driver.findElements(By.cssSelector(".slot")).size() > 4);
        assertFitsTheWidth();
        shot("5-openings-desktop");

        fx.booking.add("R1001", "Chipped a front tooth at football.", PatientKind.FAMILY, RequestStatus.PENDING);
        fx.booking.add("R1002", null, PatientKind.PET, RequestStatus.PROPOSED);
        String auth = "Basic " + Base64.getEncoder().encodeToString("demo-staff:demo-staff-2026".getBytes());
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", auth)));
        driver.get(server.url("/staff/demo/"));
        assertEquals("Requests", driver.findElement(By.tagName("h1")).getText());
        shot("6-staff-desktop");

        driver.findElement(By.cssSelector("#confirm-note-R1001")).sendKeys("See you Monday");
        follow(By.cssSelector("form[action$='R1001/confirm'] button"));
        assertEquals("Request R1001 is confirmed; the client will be told.",
                driver.findElement(By.cssSelector(".alert--ok")).getText());
        phone();
        assertFitsTheWidth();
        shot("7-staff-phone");

        follow(By.cssSelector("form[action$='R1002/propose'] button"));
        assertEquals("Propose another time", driver.findElement(By.tagName("h1")).getText());
        assertFitsTheWidth();
        shot("8-propose-phone");
        follow(By.cssSelector("form.proposal button"));
        assertTrue(driver.findElement(By.cssSelector(".alert--ok")).getText().contains("R1002"));

        driver.get(server.url("/staff/demo/why-not?reason=checkup&provider=SMITH&date=2026-12-07&time=12:00"));
        assertEquals(List.of("break", "appointment"), driver.findElements(By.cssSelector(".obstacle__code"))
                .stream().map(WebElement::getText).toList());
        assertFitsTheWidth();
        shot("9-why-not-phone");
    }

    /** Clicks what leads to another page, and waits until the browser has left this one. */
    private void follow(By selector) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(selector).click();
        new WebDriverWait(driver, WAIT).until(gone(page));
    }

    /**
     * True once the element has left the page: the browser reports it as stale, or, while the next page
     * replaces it, as a node of no document.
     */
    private static ExpectedCondition<Boolean> gone(WebElement element) {
        return browser -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                return String.valueOf(e.getMessage()).contains("does not belong to the document");
            }
        };
    }

    private void phone() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    /** Nothing sticks out sideways: the page never scrolls horizontally. */
    private void assertFitsTheWidth() {
        Object widest = ((JavascriptExecutor) driver).executeScript(
                "var w = window.innerWidth, out = [];"
                + "document.querySelectorAll('body *').forEach(function (e) {"
                + "  var r = e.getBoundingClientRect();"
                + "  if (r.right > w + 1) { out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right)); }"
                + "});"
                + "return document.documentElement.scrollWidth <= w ? '' : out.slice(0, 5).join(', ');");
        assertEquals("", widest, "the page is wider than the window");
    }

    private void shot(String name) throws Exception {
        File file = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Weekday openings every half hour, 08:00–12:00 and 13:00–17:00, with a few already gone. */
    private void offerTwoWeeks() {
        LocalDate day = LocalDate.of(2026, 12, 3);
        for (int d = 0; d < 14; d++, day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (LocalTime time = LocalTime.of(8, 0); time.isBefore(LocalTime.of(17, 0)); time = time.plusMinutes(30)) {
                boolean lunch = time.getHour() == 12;
                boolean past = d == 0 && time.isBefore(LocalTime.of(13, 0));
                boolean booked = (time.getMinute() + time.getHour() * 7 + d * 3) % 5 == 0;
                if (!lunch && !past && !booked) {
                    String provider = List.of("SMITH", "JONES").get((time.getHour() + d) % 2);
                    fx.booking.openings.add(Fakes.opening("checkup", provider,
                            day.atTime(time).atZone(Fakes.NEW_YORK).toInstant().toString()));
                }
            }
        }
    }
}
