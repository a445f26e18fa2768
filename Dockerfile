# CSELearning web application.
#
#   docker build -t cselearning .
#   docker run -p 8080:8080 -v cselearning-data:/data cselearning
#
# Configuration is by environment variables ("Section__Key"), for example:
#   Database__Provider=Sqlite (default here) with Database__DataDirectory=/data (the volume), or
#   Database__Provider=PostgreSql with Database__ConnectionString="Host=...;Username=...;Password=...;Database=..."
#   Email__SmtpHost, Email__SmtpPort, Email__UserName, Email__Password, Email__From
#   AllowedHosts=learning.example.org (required: the host names the site answers to; see README.md)
#   Site__..., Security__... (the sections of appsettings.json)
# The learning content (content/ in the repository) is published into /app/content and checked at start-up:
# the site refuses to start, listing file:line problems, if it has any. To check content without starting:
#   docker run --rm cselearning validate-content
# Health endpoints: GET /health/live (process up) and /health (ready).
# The runtime image has no curl, so no HEALTHCHECK here: let the orchestrator probe those URLs.

# ---- build ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1

# The web project's build runs `npm ci` and `node build.mjs` in src/CSELearning.Web/Frontend, and the
# Sass compiler needs Node.js 20 or later: the SDK image's own distribution packages an older one.
COPY --from=node:22-bookworm-slim /usr/local/bin/node /usr/local/bin/node
COPY --from=node:22-bookworm-slim /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && node --version && npm --version

WORKDIR /src

# Restore NuGet and npm packages first, so a source change reuses these layers (with the property the
# publish below sets, so that the restore includes the packages for precompiling to this platform).
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/CSELearning.Web/CSELearning.Web.csproj src/CSELearning.Web/
COPY src/CSELearning.Web/Frontend/package.json src/CSELearning.Web/Frontend/package-lock.json src/CSELearning.Web/Frontend/
RUN dotnet restore src/CSELearning.Web/CSELearning.Web.csproj -p:PublishReadyToRun=true
RUN cd src/CSELearning.Web/Frontend && npm ci --no-audit --no-fund --loglevel=error

# The Release publish that scripts/test.sh also makes (there into artifacts/publish, from the Release build
# its tests run on, with --no-build); it copies content/ too. Here it is also precompiled (ReadyToRun) for
# the platform the image is built for, which takes about a third off start-up; bench/run.sh publishes the same way.
COPY . .
RUN dotnet publish src/CSELearning.Web/CSELearning.Web.csproj -c Release -p:PublishReadyToRun=true -o /app/publish

# ---- runtime ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# The PDF documents' font (DejaVu Sans) is inside the application: no system fonts are needed.
WORKDIR /app
COPY --from=build /app/publish .

# The SQLite database (and anything else the app keeps) lives in /data, owned by the app user.
RUN mkdir -p /data && chown "$APP_UID:$APP_UID" /data

ENV ASPNETCORE_HTTP_PORTS=8080 \
    Database__Provider=Sqlite \
    Database__DataDirectory=/data

VOLUME /data
EXPOSE 8080

# Non-root: the image's `app` user.
USER $APP_UID

ENTRYPOINT ["dotnet", "CSELearning.Web.dll"]
