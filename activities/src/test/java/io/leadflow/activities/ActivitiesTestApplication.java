package io.leadflow.activities;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the activities module alone against the real test database. */
@SpringBootApplication
public class ActivitiesTestApplication {}
