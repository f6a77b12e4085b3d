package org.slacast.models;

import org.slacast.core.BadInputException;
import org.slacast.core.policy.PolicyIdentity;

/**
 * Whether a bundle may score under the policy file given now. Its labels and clock features were computed under
 * the policy recorded in its manifest; under another one its probabilities mean something else.
 */
public final class PolicyCheck {
    private PolicyCheck() {
    }

    /** What to do when the policies differ. */
    public enum Mode {
        /** Refuse the model (the default). */
        REFUSE,
        /** Use it, with a warning. */
        WARN;

        /**
         * @param text {@code refuse} or {@code warn}
         * @return the mode
         * @throws BadInputException naming the accepted values
         */
        public static Mode parse(String text) {
            return switch (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "refuse" -> REFUSE;
                case "warn" -> WARN;
                default -> throw new BadInputException("--policy-mismatch " + text + ": give refuse or warn");
            };
        }
    }

    /**
     * @param m     the bundle's manifest
     * @param given the policy given now
     * @param mode  what to do on a mismatch
     * @return a warning for the user, or null when the policies match
     * @throws PolicyMismatchException when they differ and the mode is {@link Mode#REFUSE}
     */
    public static String check(BundleManifest m, PolicyIdentity given, Mode mode) {
        PolicyIdentity own = m.policy();
        if (own == null) {
            return m.id() + " records no policy (it was trained before bundles recorded one), so it cannot be "
                    + "checked against " + given.label() + "; retrain it to record its policy";
        }
        if (own.sha256().equals(given.sha256())) {
            return null;
        }
        String what = m.id() + " was trained under policy " + own.label() + ", not " + given.label();
        if (mode == Mode.REFUSE) {
            throw new PolicyMismatchException(what + "; give the policy it was trained under, retrain it under this "
                    + "one, or pass --policy-mismatch warn to use it anyway");
        }
        return what + "; used anyway (--policy-mismatch warn)";
    }

    /** A bundle trained under another policy than the one given. */
    public static final class PolicyMismatchException extends BadInputException {
        private static final long serialVersionUID = 1L;

        /** @param message both policies and what to do */
        public PolicyMismatchException(String message) {
            super(message);
        }
    }
}
