package dev.probebook.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the variables bar says under a field as a value is typed ({@link CommandBinder#valueProblem}). */
class VariableValueTest {

    @Test
    void aPortIsANumberFromOneTo65535ARangeOfThemOrAServiceName() {
        for (String good : new String[] {"1", "80", "65535", "80-443", "https", "ms-sql-s"}) {
            assertThat(CommandBinder.valueProblem("port", good)).as(good).isNull();
        }
        for (String bad : new String[] {"0", "65536", "99999", "8o8o", "80-", "1-2-3", "443/tcp"}) {
            assertThat(CommandBinder.valueProblem("port", bad)).as(bad).contains("is not a port");
        }
    }

    @Test
    void optionsSpacesAndControlCharactersAreRefusedAndBlankIsNoProblem() {
        assertThat(CommandBinder.valueProblem("host", "-oProxyCommand=x")).contains("starts with '-'");
        assertThat(CommandBinder.valueProblem("host", "a b")).contains("single word");
        assertThat(CommandBinder.valueProblem("header", "a\u0007")).contains("control character");
        assertThat(CommandBinder.valueProblem("port", "")).isNull();
        assertThat(CommandBinder.valueProblem("host", "도메인.co.kr")).isNull();
    }
}
