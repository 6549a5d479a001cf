# Build a static binary, then ship it alone on a minimal non-root image.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X processet/internal/app.Version=${VERSION}" \
    -o /out/processet ./cmd/processet

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/processet /usr/local/bin/processet
# In a container the database is external (DATABASE_URL): the image has no
# PostgreSQL binaries to start an embedded one.
USER nonroot:nonroot
WORKDIR /home/nonroot
ENTRYPOINT ["/usr/local/bin/processet"]
CMD ["run"]
