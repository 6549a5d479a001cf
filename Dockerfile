# Build a static binary, then ship it on a slim non-root image with
# Graphviz, which draws the process maps.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X processet/internal/app.Version=${VERSION}" \
    -o /out/processet ./cmd/processet

FROM debian:bookworm-slim
# dot draws the process maps; DejaVu Sans has every Cyrillic letter. The
# user has the uid of distroless's nonroot, which earlier images used.
RUN apt-get update \
    && apt-get install -y --no-install-recommends graphviz fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 65532 --user-group --create-home --home-dir /home/nonroot nonroot
COPY --from=build /out/processet /usr/local/bin/processet
# In a container the database is external (DATABASE_URL): the image has no
# PostgreSQL binaries to start an embedded one.
USER nonroot:nonroot
WORKDIR /home/nonroot
ENTRYPOINT ["/usr/local/bin/processet"]
CMD ["run"]
