package org.slotbridge.rest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.slotbridge.rest.internal.StaffGate.Credentials;

class StaffGateTest {

    private final Fakes.Staff staff = new Fakes.Staff();
    private final StaffGate gate = new StaffGate(staff);

    @Test
    void readsUsernameAndAPasswordThatContainsColons() {
        Credentials credentials = Credentials.parse("basic  " + Fakes.basic("desk:secret:1").substring(6)).get();

        assertEquals("desk", credentials.username());
        assertArrayEquals("secret:1".toCharArray(), credentials.password());
    }

    @Test
    void refusesMalformedHeaders() {
        assertTrue(Credentials.parse(null).isEmpty());
        assertTrue(Credentials.parse("Bearer abc").isEmpty());
        assertTrue(Credentials.parse("Basic").isEmpty());
        assertTrue(Credentials.parse("Basic %%%not-base64").isEmpty());
        assertTrue(Credentials.parse(Fakes.basic("no-colon-here")).isEmpty());
        assertTrue(Credentials.parse(Fakes.basic(":password-without-user")).isEmpty());
        assertTrue(Credentials.parse("Basic /w==").isEmpty(), "bytes that are not UTF-8");
    }

    @Test
    void challengesMissingOrMalformedCredentialsWithoutAskingTheAccounts() {
        for (String header : new String[] {null, "Basic !!!", Fakes.basic("desk")}) {
            assertChallenge(assertThrows(NotAuthorizedException.class, () -> gate.admit(header, "demo")));
        }
        assertTrue(staff.attempts.isEmpty());
    }

    @Test
    void challengesWrongPasswords() {
        assertChallenge(assertThrows(NotAuthorizedException.class,
                () -> gate.admit(Fakes.basic("desk:guess"), "demo")));
        assertEquals(List.of("desk"), staff.attempts);
    }

    @Test
    void forbidsAnotherPractice() {
        ForbiddenException refused = assertThrows(ForbiddenException.class,
                () -> gate.admit(Fakes.basic("vet:secret:1"), "demo"));

        assertEquals(403, refused.getResponse().getStatus());
        assertEquals("forbidden", ((Map<?, ?>) refused.getResponse().getEntity()).get("code"));
    }

    @Test
    void admitsStaffOfThePractice() {
        assertEquals("demo", gate.admit(Fakes.basic("desk:secret:1"), "demo").practiceSlug());
    }

    private static void assertChallenge(NotAuthorizedException refused) {
        Response response = refused.getResponse();
        assertEquals(401, response.getStatus());
        assertEquals("Basic realm=\"Slotbridge staff\"", response.getHeaderString("WWW-Authenticate"));
        assertEquals("unauthorized", ((Map<?, ?>) response.getEntity()).get("code"));
    }
}
