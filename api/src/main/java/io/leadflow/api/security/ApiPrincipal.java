package io.leadflow.api.security;

/**
 * Who is calling: the API key's id and name, its role, and for reps and managers their rep id
 * (a manager's team is the reps whose manager it names).
 */
public record ApiPrincipal(long keyId, String name, Role role, String repId) {}
