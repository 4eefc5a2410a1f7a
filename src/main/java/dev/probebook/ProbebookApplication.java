package dev.probebook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The web notebook (Spring Boot + Vaadin). Listens on 127.0.0.1 by default. */
@SpringBootApplication
public class ProbebookApplication {

    public static void start(String[] args) {
        SpringApplication.run(ProbebookApplication.class, args);
    }
}
