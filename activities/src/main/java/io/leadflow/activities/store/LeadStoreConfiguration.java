package io.leadflow.activities.store;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** Import this to read or write the lead store (the api does, without any activity implementation). */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackageClasses = LeadStoreConfiguration.class)
@Import(Suppressions.class)
public class LeadStoreConfiguration {}
