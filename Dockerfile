# A FROM scratch image whose only file is the static musl rip, answering as
# ip, bridge, sysctl, brctl, ifconfig and route.
#   docker build -t rip .
#   docker run --rm --network host rip -br link
#   docker run --rm --entrypoint sysctl rip net.ipv4.ip_forward
# The first stage builds with Debian 12's packages, as scripts/build-static.sh
# does on a host; the build context is the source only (.dockerignore).
FROM debian:12 AS build
WORKDIR /src
COPY . .
RUN bash scripts/build-static.sh | tail -n 1 > /binpath && cp "$(cat /binpath)" /rip

FROM scratch
COPY --from=build /rip /bin/rip
RUN ["/bin/rip", "install-links", "/bin"]
ENV PATH=/bin
ENTRYPOINT ["/bin/rip"]
CMD ["-br", "link"]
