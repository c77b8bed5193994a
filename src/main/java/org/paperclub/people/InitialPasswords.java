package org.paperclub.people;

import java.security.SecureRandom;

/** Passwords for accounts made from a roster: shown once to staff, to be changed by their owner. */
final class InitialPasswords {

    // No 0/O, 1/l/I: read aloud or copied from paper without mistakes.
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private InitialPasswords() {
    }

    static String next() {
        char[] out = new char[14];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
