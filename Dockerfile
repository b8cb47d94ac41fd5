# syntax=docker/dockerfile:1
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ReleaseBot.sln ./
COPY config/ config/
COPY src/ src/
RUN dotnet publish src/ReleaseBot/ReleaseBot.csproj -c Release -o /out

# The HuggingFace webhook receiver and Telegram webhook mode run on Kestrel, hence the aspnet image.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# tzdata: digests are sent at each subscriber's local time in an IANA zone.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tzdata \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /out ./
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
USER $APP_UID
# The webhook listener (only started when a webhook is enabled) must be reachable from outside the container.
ENV ReleaseBot__DataPath=/app/data/releasebot.db \
    ReleaseBot__Console__Mode=Off \
    ReleaseBot__Web__ListenUrl=http://0.0.0.0:8080
VOLUME ["/app/data"]
ENTRYPOINT ["dotnet", "ReleaseBot.dll"]
