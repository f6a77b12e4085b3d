package org.slacast.serving.alert;

import java.net.URI;

/**
 * A webhook alerts are delivered to.
 *
 * @param name     its name in the rules file
 * @param url      where alerts are POSTed
 * @param secret   the HMAC-SHA256 key the payload is signed with, or null to send unsigned
 * @param template how the payload is written
 */
public record AlertTarget(String name, URI url, String secret, AlertTemplate template) {
    @Override
    public String toString() {
        // Never the secret.
        return name + " (" + url + ")";
    }
}
