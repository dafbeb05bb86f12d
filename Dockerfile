# One image per Spring Boot module: docker build --build-arg MODULE=worker|api .

FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
RUN test -n "$MODULE" || { echo "--build-arg MODULE=worker|api is required" >&2; exit 1; }
WORKDIR /src
# Poms first, so the dependency layer is rebuilt only when a pom changes. Every module of the
# root pom's <modules> is needed, even those -pl does not build (ComposeStackTest checks the list).
COPY pom.xml ./
COPY workflows/pom.xml workflows/
COPY activities/pom.xml activities/
COPY worker/pom.xml worker/
COPY api/pom.xml api/
COPY e2e/pom.xml e2e/
COPY bench/pom.xml bench/
# The sibling modules are not packaged yet at this point, so they are left out of resolution.
RUN mvn -B -q -pl "${MODULE}" -am dependency:go-offline -DexcludeGroupIds=io.leadflow
COPY . .
RUN mvn -B -q -DskipTests -pl "${MODULE}" -am package

FROM eclipse-temurin:17-jre
ARG MODULE
RUN useradd --system --user-group --home-dir /app --shell /usr/sbin/nologin leadflow
WORKDIR /app
COPY --from=build /src/${MODULE}/target/leadflow-${MODULE}.jar /app/app.jar
USER leadflow
EXPOSE 8080
ENTRYPOINT ["java","-jar","/app/app.jar"]
