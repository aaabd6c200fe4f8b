package org.slotbridge.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BitsTest {

    @Test
    void rangesWithinOneWordAndAcrossWords() {
        long[] words = new long[4];

        Bits.set(words, 60, 130);

        assertEquals(0xF000_0000_0000_0000L, words[0]);
        assertEquals(-1L, words[1]);
        assertEquals(0b11L, words[2]);
        assertFalse(Bits.any(words, 0, 60));
        assertTrue(Bits.any(words, 59, 61));
        assertTrue(Bits.any(words, 129, 200));
        assertFalse(Bits.any(words, 130, 256));
        assertFalse(Bits.any(words, 70, 70));
        Bits.clear(words, 64, 128);
        assertFalse(Bits.any(words, 64, 128));
        assertTrue(Bits.any(words, 63, 64));
        assertTrue(Bits.any(words, 128, 129));
    }

    @Test
    void agreesWithABooleanArray() {
        long seed = 20260615;
        Random random = new Random(seed);
        long[] words = new long[5];
        boolean[] model = new boolean[320];
        for (int step = 0; step < 5000; step++) {
            int from = random.nextInt(321);
            int to = from + random.nextInt(321 - from);
            switch (random.nextInt(3)) {
                case 0 -> {
                    Bits.set(words, from, to);
                    Arrays.fill(model, from, to, true);
                }
                case 1 -> {
                    Bits.clear(words, from, to);
                    Arrays.fill(model, from, to, false);
                }
                default -> {
                    boolean expected = false;
                    for (int i = from; i < to; i++) {
                        expected |= model[i];
                    }
                    assertEquals(expected, Bits.any(words, from, to), "seed " + seed + " step " + step);
                }
            }
        }
    }

    @Test
    void orCopiesTheWordsBothArraysHave() {
        long[] source = {1, 2, 4, 8};
        long[] target = {16, 16, 16};

        Bits.or(source, 2, target);
        assertEquals(20, target[0]);
        assertEquals(24, target[1]);
        assertEquals(16, target[2]);

        long[] before = {0, 0, 0};
        Bits.or(source, -1, before);
        assertEquals(0, before[0]);
        assertEquals(1, before[1]);
        assertEquals(2, before[2]);
    }
}
