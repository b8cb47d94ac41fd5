# syntax=docker/dockerfile:1
# Build: restore from the project files alone first, so the restore layer is reused until a project file changes.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ReleaseBot.Core/ReleaseBot.Core.csproj src/ReleaseBot.Core/
COPY src/ReleaseBot.LiteDb/ReleaseBot.LiteDb.csproj src/ReleaseBot.LiteDb/
COPY src/ReleaseBot.HuggingFace/ReleaseBot.HuggingFace.csproj src/ReleaseBot.HuggingFace/
COPY src/ReleaseBot.Telegram/ReleaseBot.Telegram.csproj src/ReleaseBot.Telegram/
COPY src/ReleaseBot.Discord/ReleaseBot.Discord.csproj src/ReleaseBot.Discord/
COPY src/ReleaseBot.Web/ReleaseBot.Web.csproj src/ReleaseBot.Web/
COPY src/ReleaseBot/ReleaseBot.csproj src/ReleaseBot/
RUN dotnet restore src/ReleaseBot/ReleaseBot.csproj

COPY config/ config/
COPY src/ src/
RUN dotnet build src/ReleaseBot/ReleaseBot.csproj -c Release --no-restore

FROM build AS publish
# The same command .ci/run proves on every change (it cannot pull base images to build this file).
RUN dotnet publish src/ReleaseBot/ReleaseBot.csproj -c Release --no-restore --no-build -o /out

# The webhook receivers and the health listener run on Kestrel, hence the aspnet image.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# tzdata: digests are sent at each subscriber's local time in an IANA zone. curl: the HEALTHCHECK below.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tzdata curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=publish /out ./
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
# Non-root: the aspnet image's "app" user (APP_UID, 1654).
USER $APP_UID
# Webhooks must be reachable from outside the container; health stays on loopback for the HEALTHCHECK
# (publish it with ReleaseBot__Health__ListenUrl=http://0.0.0.0:9090 for an orchestrator's probes or a Prometheus scrape).
ENV ReleaseBot__DataPath=/app/data/releasebot.db \
    ReleaseBot__Console__Mode=Off \
    ReleaseBot__Web__ListenUrl=http://0.0.0.0:8080 \
    ReleaseBot__Health__ListenUrl=http://127.0.0.1:9090
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS http://127.0.0.1:9090/healthz || exit 1
ENTRYPOINT ["dotnet", "ReleaseBot.dll"]
