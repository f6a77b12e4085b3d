package org.slacast.serving;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestsTest {
    @Test
    void onlyApplicationJsonIsJsonInAnyCaseWithOrWithoutParameters() {
        for (String yes : new String[] {"application/json", "Application/JSON", " application/json ",
            "application/json; charset=utf-8", "application/json;charset=UTF-8"}) {
            assertThat(Requests.isJson(yes)).as(yes).isTrue();
        }
        for (String no : new String[] {"", ";", "text/plain", "application/jsonx", "application/json-patch+json",
            "application/js", "xapplication/json", "application/x-www-form-urlencoded; application/json"}) {
            assertThat(Requests.isJson(no)).as(no).isFalse();
        }
        assertThat(Requests.isJson(null)).isFalse();
    }
}
