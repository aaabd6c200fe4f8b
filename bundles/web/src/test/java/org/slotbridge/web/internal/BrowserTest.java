package org.slotbridge.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.RequestStatus;

/**
 * Drives the pages in the system's headless Chromium, on a phone-sized and a desktop-sized window,
 * and keeps screenshots under {@code target/screenshots}. Skipped where Chromium is not installed
 * (Debian packages {@code chromium} and {@code chromium-driver}).
 */
class BrowserTest {

    private static final File DRIVER = new File("/usr/bin/chromedriver");
    private static final File BROWSER = new File("/usr/bin/chromium");
    private static final Path SHOTS = Path.of("target", "screenshots");

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
        driver.get(server.url("/p/demo/"));
        assertFitsTheWidth();
        shot("1-reasons-phone");

        driver.findElement(By.cssSelector("a.reason[href$='reason=checkup']")).click();
        assertEquals("Check-up", driver.findElement(By.tagName("h1")).getText());
        assertFitsTheWidth();
        shot("2-openings-phone");

        driver.findElement(By.cssSelector(".prefs__summary")).click();
        driver.findElement(By.cssSelector(".chip input[value=monday] + span")).click();
        driver.findElement(By.cssSelector(".chip input[value=morning] + span")).click();
        shot("2b-preferences-phone");
        assertFitsTheWidth();
        driver.findElement(By.cssSelector(".prefs__form button[type=submit]")).click();
        assertEquals(List.of("Monday 7 December", "Monday 14 December"), driver.findElements(
                By.cssSelector(".day__title")).stream().map(WebElement::getText).toList());
        assertTrue(driver.findElement(By.cssSelector(".chip input[value=monday]")).isSelected());

        WebElement first = driver.findElement(By.cssSelector(".slot"));
        assertTrue(first.getAttribute("aria-label").startsWith("Check-up, Monday 7 December, 0"),
                first.getAttribute("aria-label"));
        first.click();
        assertEquals("Your details", driver.findElement(By.tagName("h1")).getText());

        driver.findElement(By.id("email")).sendKeys("not-an-email");
        driver.findElement(By.id("privacyCode")).sendKeys("tulip-42");
        driver.findElement(By.id("memo")).sendKeys("<b>Nervous</b> about needles");
        driver.findElement(By.cssSelector(".request-form button[type=submit]")).click();
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
        driver.findElement(By.cssSelector(".request-form button[type=submit]")).click();
        assertEquals("Thank you, your request is sent", driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.findElement(By.cssSelector(".facts")).getText().contains("Monday 7 December, 0"));
        shot("4-done-phone");
        assertEquals("maria@example.org", fx.booking.lastForm.email());
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
        driver.findElement(By.cssSelector("form[action$='R1001/confirm'] button")).click();
        assertEquals("Request R1001 is confirmed; the client will be told.",
                driver.findElement(By.cssSelector(".alert--ok")).getText());
        phone();
        assertFitsTheWidth();
        shot("7-staff-phone");

        driver.findElement(By.cssSelector("form[action$='R1002/propose'] button")).click();
        assertEquals("Propose another time", driver.findElement(By.tagName("h1")).getText());
        assertFitsTheWidth();
        shot("8-propose-phone");
        driver.findElement(By.cssSelector("form.proposal button")).click();
        assertTrue(driver.findElement(By.cssSelector(".alert--ok")).getText().contains("R1002"));
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
