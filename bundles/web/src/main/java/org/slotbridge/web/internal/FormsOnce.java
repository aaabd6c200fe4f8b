package org.slotbridge.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.Practice;
import org.slotbridge.api.service.IdempotencyKeys;
import org.slotbridge.api.service.IdempotencyKeys.Answer;
import org.slotbridge.api.service.IdempotencyKeys.Claim;

/**
 * Portal forms that take effect once however often they are sent. Each form carries a random key made
 * when its page was drawn; a form sent again with the same key and the same values (a double click, a
 * reload after a lost answer) is answered with the redirect the first got, so the client lands on the
 * same page and nothing is held or requested twice. The key is stored with a hash of the values, so
 * that picking another time on the same page, after going back, is a submission of its own.
 * <p>
 * A second send that arrives while the first is at work waits for it, briefly, rather than showing an
 * error: the browser shows only the answer to the last send, and that must be the page the first one
 * leads to. Only redirects (success) are kept; a page with errors is drawn anew for each send.
 */
final class FormsOnce {

    /** The hidden field that carries the key. */
    static final String FIELD = "submission";

    private static final Logger LOG = LoggerFactory.getLogger(FormsOnce.class);
    /** How long a second send waits for the first; far more than a hold or a request takes. */
    private static final long WAIT_MILLIS = 10_000;
    private static final long PAUSE_MILLIS = 50;

    private final IdempotencyKeys keys;
    private final WebSite site;

    FormsOnce(IdempotencyKeys keys, WebSite site) {
        this.keys = keys;
        this.site = site;
    }

    /** A new key for the forms of one page: 32 random bytes, unguessable. */
    static String newKey() {
        return Tokens.newNonce();
    }

    /**
     * Answers a form of {@code practice} by {@code work}, once for each key and set of values. A form
     * without a key of the right shape (an older page, another theme) is simply done.
     */
    WebResponse submit(WebRequest request, Practice practice, String area, String form,
                       Supplier<WebResponse> work) {
        String sent = request.param(FIELD);
        if (keys == null || !Tokens.isNonce(sent)) {
            return work.get();
        }
        String slug = practice.slug();
        String fingerprint = fingerprint(form, request);
        String key = "form:" + sha256(sent + "\n" + fingerprint);
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            Claim claim = claim(slug, key, fingerprint);
            if (claim != null) {
                switch (claim.outcome()) {
                    case NEW:
                        return first(slug, key, claim.token(), work);
                    case REPLAY:
                        return WebResponse.seeOther(claim.answer().location());
                    case MISMATCH:
                        return work.get();
                    default:
                        break;
                }
            }
            if (System.currentTimeMillis() >= deadline || !pause()) {
                return site.error(request, practice, area, 409, "Still sending what you sent",
                        "We are still working on the form you sent a moment ago. Please wait a little, then "
                                + "reload this page.", null, null);
            }
        }
    }

    /** The claim, or null while another send is claiming the same key at this very moment. */
    private Claim claim(String slug, String key, String fingerprint) {
        try {
            return keys.claim(slug, key, fingerprint);
        } catch (ConflictException e) {
            if ("request_in_progress".equals(e.code()) || "busy".equals(e.code())) {
                return null;
            }
            throw e;
        }
    }

    private WebResponse first(String slug, String key, long token, Supplier<WebResponse> work) {
        WebResponse answer;
        try {
            answer = work.get();
        } catch (RuntimeException | Error e) {
            keys.release(slug, key, token);
            throw e;
        }
        try {
            if (answer.status() == 303 && answer.location() != null) {
                keys.answer(slug, key, token, new Answer(303, answer.location(), null));
            } else {
                keys.release(slug, key, token);
            }
        } catch (RuntimeException e) {
            // the work is done and its answer stands; a repeat within minutes waits, then is told to reload
            LOG.warn("Keeping the answer to a form of practice {} failed", slug, e);
        }
        return answer;
    }

    private static boolean pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The form's name and values, sorted by field, without the key and the CSRF token. */
    private static String fingerprint(String form, WebRequest request) {
        StringBuilder text = new StringBuilder(form);
        for (Map.Entry<String, List<String>> field : new TreeMap<>(request.params()).entrySet()) {
            if (field.getKey().equals(FIELD) || field.getKey().equals(WebSite.CSRF_FIELD)) {
                continue;
            }
            for (String value : field.getValue()) {
                text.append('\n').append(field.getKey()).append('=').append(value);
            }
        }
        return sha256(text.toString());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
