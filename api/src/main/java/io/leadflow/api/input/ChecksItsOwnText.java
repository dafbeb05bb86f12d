package io.leadflow.api.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler that reads a form body and applies {@link TextRule} to each field itself (a form's
 * message is several lines, its other fields one): {@link TextParameters} leaves its parameters
 * to it rather than take every form field for a single-line query parameter.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ChecksItsOwnText {}
