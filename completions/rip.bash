# bash completion for rip and the names it answers to: ip, bridge, sysctl.
#
# Install: copy to /usr/share/bash-completion/completions/ under each name
# (rip, ip, bridge, sysctl), or source it from ~/.bashrc.
# Needs no bash-completion package and runs no program: live values come
# from /sys/class/net, /run/netns, /etc/iproute2/rt_tables and /proc/sys.
# Tests point those elsewhere with RIP_COMP_SYSFS_NET, RIP_COMP_NETNS_DIR,
# RIP_COMP_RT_TABLES and RIP_COMP_PROC_SYS.
#
# Words may be abbreviated as ip allows; an abbreviation resolves to the
# first word of ip's own table it is a prefix of ("ip l s" is link set).

# >>> shared with _rip (zsh runs it under ksh emulation; a test keeps the
# two copies identical)
# ip's tables, in ip's order (the order decides what an abbreviation means).
_rip_ip_objects="address addrlabel maddress route rule neighbor neighbour ntable ntbl link l2tp fou ila macsec tunnel tunl tuntap tap token tcpmetrics tcp_metrics monitor xfrm mroute mrule netns netconf vrf sr nexthop mptcp ioam help stats"
# What rip implements; only these are offered.
_rip_ip_offered="address link route netns help"
_rip_ip_options="-Version -statistics -details -resolve -human-readable -iec -json -pretty -family -4 -6 -M -B -0 -loops -brief -oneline -timestamp -tshort -batch -rcvbuf -netns -Numeric -all -color -force -echo -help"
_rip_cmds_link="add set change replace delete show lst list xstats afstats property help"
_rip_cmds_address="add change chg replace delete list show lst flush save showdump restore help"
_rip_cmds_route="add change chg replace prepend append test delete list show lst get flush save restore showdump help"
_rip_cmds_netns="list show lst add attach set delete identify pids exec monitor list-id help"
_rip_link_kinds="amt bareudp bond bond_slave bridge bridge_slave dsa dummy erspan geneve gre gretap gtp ifb ip6erspan ip6gre ip6gretap ip6tnl ipip ipoib ipvlan ipvtap macsec macvlan macvtap netdevsim nlmon rmnet sit team team_slave vcan veth vlan vrf vti vxcan vxlan wwan xfrm virt_wifi"
_rip_link_change="dev up down name address broadcast brd mtu txqueuelen txqlen qlen numtxqueues numrxqueues netns link-netns link-netnsid arp dynamic multicast allmulticast promisc trailers carrier alias group master nomaster vrf mode state addrgenmode protodown protodown_reason gso_max_size gso_max_segs gro_max_size vf xdp xdpgeneric xdpdrv xdpoffload type"
_rip_link_add="link parentdev index $_rip_link_change"
_rip_link_show="dev group up master nomaster vrf type help"
_rip_onoff_words="arp dynamic multicast allmulticast promisc trailers carrier protodown spoofchk query_rss trust guard hairpin fastleave root_block learning learning_sync flood proxy_arp proxy_arp_wifi mcast_fast_leave mcast_flood bcast_flood mcast_to_unicast neigh_suppress vlan_tunnel isolated locked"
_rip_kind_veth="peer"
_rip_kind_bridge="fdb_flush forward_delay hello_time max_age ageing_time stp_state priority group_fwd_mask group_address no_linklocal_learn vlan_filtering vlan_protocol vlan_default_pvid vlan_stats_enabled vlan_stats_per_port mcast_snooping mcast_vlan_snooping mcast_router mcast_query_use_ifaddr mcast_querier mcast_hash_elasticity mcast_hash_max mcast_last_member_count mcast_startup_query_count mcast_last_member_interval mcast_membership_interval mcast_querier_interval mcast_query_interval mcast_query_response_interval mcast_startup_query_interval mcast_stats_enabled mcast_igmp_version mcast_mld_version nf_call_iptables nf_call_ip6tables nf_call_arptables help"
_rip_kind_bridge_slave="fdb_flush state priority cost guard hairpin fastleave root_block learning flood proxy_arp proxy_arp_wifi mcast_router mcast_fast_leave mcast_flood bcast_flood mcast_to_unicast group_fwd_mask neigh_suppress vlan_tunnel isolated locked backup_port nobackup_port help"
_rip_kind_macvlan="mode flag nopromisc nodst macaddr bcqueuelen help"
_rip_kind_ipvlan="mode private vepa bridge help"
_rip_kind_vxlan="id group remote local ttl tos df flowlabel dev dstport srcport learning nolearning proxy noproxy rsc norsc l2miss nol2miss l3miss nol3miss ageing maxaddress udpcsum noudpcsum udp6zerocsumtx noudp6zerocsumtx udp6zerocsumrx noudp6zerocsumrx remcsumtx noremcsumtx remcsumrx noremcsumrx external noexternal gbp gpe vnifilter novnifilter help"
_rip_addr_modify="dev local peer remote broadcast brd anycast label scope metric priority preference valid_lft preferred_lft home nodad optimistic mngtmpaddr noprefixroute autojoin"
_rip_addr_show="dev to scope label up group master nomaster vrf type permanent dynamic secondary primary tentative -tentative deprecated -deprecated dadfailed -dadfailed temporary home nodad optimistic mngtmpaddr noprefixroute autojoin help"
_rip_route_types="unicast local broadcast multicast throw unreachable prohibit blackhole nat anycast"
_rip_route_modify="default to from tos dsfield table vrf protocol scope metric priority preference ttl-propagate nhid via dev oif weight onlink pervasive realms encap src as mtu advmss hoplimit reordering window cwnd ssthresh initcwnd initrwnd rtt rttvar rto_min features quickack congctl fastopen_no_cookie pref expires nexthop $_rip_route_types"
_rip_route_select="root match exact to from table vrf cached cloned tos protocol scope type dev oif iif mark metric priority preference via src"
_rip_route_get="fibmatch from iif oif tos mark vrf uid ipproto sport dport connected notify"
_rip_route_protos="kernel boot static redirect ra dhcp gated mrt zebra bird babel dnrouted xorp ntk keepalived bgp isis ospf rip eigrp"
_rip_scopes="host link global site nowhere"
_rip_bridge_options="-Version -statistics -details -oneline -timestamp -family -4 -6 -netns -compressvlans -color -force -json -pretty -batch -help"
_rip_bridge_link_set="dev cost priority state guard hairpin fastleave root_block learning learning_sync flood mcast_router mcast_flood bcast_flood mcast_to_unicast neigh_suppress vlan_tunnel isolated locked hwmode backup_port nobackup_port self master"
_rip_sysctl_options="-a --all -A -X --deprecated --dry-run -b --binary -e --ignore -N --names -n --values -p --load -f --system -r --pattern -q --quiet -w --write -o -x -d -h --help -V --version"

# ip's prefix rule: the first word of $2 (a list) that $1 is a prefix of.
_rip_resolve() {
    local w
    [[ -z $1 ]] && return 1
    for w in $2; do
        if [[ $w == "$1"* ]]; then
            printf '%s' "$w"
            return 0
        fi
    done
    return 1
}

_rip_ifnames() {
    local d=${RIP_COMP_SYSFS_NET:-/sys/class/net} f
    for f in "$d"/*; do
        [[ -e $f || -L $f ]] && printf '%s\n' "${f##*/}"
    done
}

_rip_netns_names() {
    local d=${RIP_COMP_NETNS_DIR:-/run/netns} f
    for f in "$d"/*; do
        [[ -e $f ]] && printf '%s\n' "${f##*/}"
    done
}

_rip_tables() {
    local f=${RIP_COMP_RT_TABLES:-/etc/iproute2/rt_tables} id name rest g
    local seen=" main local default all "
    printf '%s\n' main local default all
    for g in "$f" "$f.d"/*.conf; do
        [[ -r $g ]] || continue
        while read -r id name rest; do
            [[ -z $id || $id == \#* || -z $name || $seen == *" $name "* ]] && continue
            seen+="$name "
            printf '%s\n' "$name"
        done < "$g"
    done
}

# sysctl keys under the one being typed, read from /proc/sys directly
# (one directory level at a time; a directory gets a trailing dot).
_rip_sysctl_keys() {
    local root=${RIP_COMP_PROC_SYS:-/proc/sys} cur=$1 sep=. dir base f k
    [[ $cur == */* ]] && sep=/
    local path=${cur//./\/}
    dir=${path%/*}
    [[ $path == */* ]] || dir=
    base=${path##*/}
    for f in "$root${dir:+/$dir}"/"$base"*; do
        [[ -e $f ]] || continue
        k=${f#"$root"/}
        [[ $sep == . ]] && k=${k//\//.}
        if [[ -d $f ]]; then
            printf '%s\n' "$k$sep"
        else
            printf '%s\n' "$k"
        fi
    done
}

# Candidates for a value after keyword $1 in ip OBJECT $2, command $3.
# Returns 1 when $1 takes no value we know how to complete.
_rip_ip_value() {
    local kw=$1 obj=$2 cmd=$3 kind=$4
    case $kw in
        dev|master|link|oif|iif|backup_port|parentdev|vrf)
            _rip_ifnames ;;
        netns|link-netns) _rip_netns_names ;;
        ty|typ|type)
            if [[ $obj == route ]]; then printf '%s\n' $_rip_route_types
            else printf '%s\n' $_rip_link_kinds; fi ;;
        table) _rip_tables ;;
        scope) printf '%s\n' $_rip_scopes all ;;
        protocol|proto) printf '%s\n' $_rip_route_protos all ;;
        addrgenmode) printf '%s\n' eui64 none stable_secret random ;;
        mode)
            case $kind in
                macvlan|macvtap) printf '%s\n' private vepa bridge passthru source ;;
                ipvlan|ipvtap) printf '%s\n' l2 l3 l3s ;;
                *) printf '%s\n' default dormant ;;
            esac ;;
        flag) printf '%s\n' nopromisc nodst null ;;
        macaddr) printf '%s\n' add del set flush ;;
        vlan_protocol) printf '%s\n' 802.1Q 802.1ad ;;
        state)
            if [[ $obj == link && $kind != bridge_slave ]]; then
                printf '%s\n' UNKNOWN NOTPRESENT DOWN LOWERLAYERDOWN TESTING DORMANT UP
            else
                printf '%s\n' disabled listening learning forwarding blocking
            fi ;;
        hwmode) printf '%s\n' vepa veb ;;
        ttl-propagate) printf '%s\n' enabled disabled ;;
        pref) printf '%s\n' low medium high ;;
        features) printf '%s\n' ecn ;;
        encap) printf '%s\n' mpls ip ip6 seg6 seg6local rpl ioam6 xfrm ila bpf ;;
        valid_lft|preferred_lft) printf '%s\n' forever ;;
        xdp|xdpgeneric|xdpdrv|xdpoffload) printf '%s\n' off object pinned ;;
        name|address|broadcast|brd|mtu|txqueuelen|txqlen|qlen|numtxqueues|numrxqueues|alias|group|index|link-netnsid|\
        via|src|metric|priority|preference|weight|nhid|tos|dsfield|realms|label|peer|remote|local|anycast|to|from|\
        root|match|exact|mark|cost|id|dstport|ttl|advmss|hoplimit|mtu|window|cwnd|ssthresh|initcwnd|initrwnd|rtt|rttvar|rto_min|\
        gso_max_size|gso_max_segs|gro_max_size|vf|protodown_reason|uid|ipproto|sport|dport|expires|congctl|quickack|\
        fastopen_no_cookie|forward_delay|hello_time|max_age|ageing_time|stp_state|group_fwd_mask|group_address|bcqueuelen|\
        mcast_router|ageing|maxaddress|flowlabel|df|srcport)
            return 0 ;;
        *)
            # vxlan's learning etc. are flags without a value.
            if [[ $kind != vxlan && " $_rip_onoff_words " == *" $kw "* ]]; then
                printf '%s\n' on off
            else
                return 1
            fi ;;
    esac
    return 0
}

# Completion for ip's words $@ (argv[0] excluded), the last one being typed.
# Prints candidates, one a line. "@cmd" means: complete a command name;
# "@file" a file name.
_rip_ip_candidates() {
    local -a w=("$@")
    local n=$(( ${#w[@]} - 1 )) cur=${w[-1]} i=0 opt
    # Leading options (some take a value).
    while (( i < n )) && [[ ${w[i]} == -* ]]; do
        opt=${w[i]#-}; opt=-${opt#-}
        if [[ $opt == -- ]]; then i=$((i + 1)); break; fi
        case $opt in
            -n|-ne|-net|-netn|-netns|-f|-fa|-fam|-fami|-famil|-family|-b|-ba|-bat|-batc|-batch|-l|-lo|-loo|-loop|-loops|-rc|-rcv|-rcvb|-rcvbu|-rcvbuf)
                if (( i + 1 == n )); then
                    case $opt in
                        -n*) _rip_netns_names ;;
                        -f*) printf '%s\n' inet inet6 mpls bridge link help ;;
                        -b*) echo @file ;;
                    esac
                    return
                fi
                i=$((i + 2)) ;;
            *) i=$((i + 1)) ;;
        esac
    done
    if (( i == n )); then
        if [[ $cur == -* ]]; then
            printf '%s\n' $_rip_ip_options
        else
            printf '%s\n' $_rip_ip_offered
        fi
        return
    fi
    local obj
    obj=$(_rip_resolve "${w[i]}" "$_rip_ip_objects") || return
    i=$((i + 1))
    local cmds
    case $obj in
        link) cmds=$_rip_cmds_link ;;
        address) cmds=$_rip_cmds_address ;;
        route) cmds=$_rip_cmds_route ;;
        netns) cmds=$_rip_cmds_netns ;;
        *) return ;;
    esac
    if (( i == n )); then
        printf '%s\n' $cmds
        return
    fi
    local cmd
    cmd=$(_rip_resolve "${w[i]}" "$cmds") || return
    case $cmd in set|change|chg) [[ $obj != netns ]] && cmd=set ;; esac
    case $cmd in lst|list) cmd=show ;; esac
    i=$((i + 1))
    local prev=
    (( n > i )) && prev=${w[n-1]}

    if [[ $obj == netns ]]; then
        local first=$i
        # The first argument names a namespace for most commands.
        case $cmd in
            exec)
                if (( n == first )); then _rip_netns_names
                elif (( n == first + 1 )); then echo @cmd
                else echo "@args $((first + 1))"; fi
                return ;;
            delete|pids|set|attach)
                (( n == first )) && _rip_netns_names
                [[ $cmd == set ]] && (( n == first + 1 )) && echo auto
                return ;;
            list-id)
                (( n == first || n == first + 2 )) && printf '%s\n' target-nsid nsid
                return ;;
        esac
        return
    fi

    # The kind after "type" switches the keyword set; veth's "peer" switches
    # back to the link keywords.
    local kind= j
    for (( j = i; j < n; j++ )); do
        if [[ ${w[j]} == ty || ${w[j]} == typ || ${w[j]} == type ]] && (( j + 1 < n )); then kind=${w[j+1]}; fi
        if [[ $kind == veth && ${w[j]} == peer ]]; then kind=; fi
    done
    if [[ -n $prev ]] && _rip_ip_value "$prev" "$obj" "$cmd" "$kind"; then
        return
    fi
    case $obj/$cmd in
        link/add|link/replace)
            case $kind in
                '') printf '%s\n' $_rip_link_add ;;
                *) _rip_kind_words "$kind" ;;
            esac ;;
        link/set)
            case $kind in
                '') printf '%s\n' $_rip_link_change; _rip_ifnames ;;
                *) _rip_kind_words "$kind" ;;
            esac ;;
        link/delete) printf '%s\n' dev group type; _rip_ifnames ;;
        link/show) printf '%s\n' $_rip_link_show; _rip_ifnames ;;
        link/xstats) printf '%s\n' type ;;
        link/afstats) printf '%s\n' dev ;;
        link/property) printf '%s\n' add del dev altname ;;
        link/help) printf '%s\n' $_rip_link_kinds ;;
        address/add|address/set|address/replace|address/delete) printf '%s\n' $_rip_addr_modify ;;
        address/show|address/flush|address/save) printf '%s\n' $_rip_addr_show; _rip_ifnames ;;
        route/add|route/set|route/replace|route/prepend|route/append|route/test|route/delete)
            printf '%s\n' $_rip_route_modify ;;
        route/show|route/flush|route/save) printf '%s\n' $_rip_route_select ;;
        route/get) printf '%s\n' $_rip_route_get ;;
    esac
}

_rip_kind_words() {
    case $1 in
        veth) printf '%s\n' $_rip_kind_veth ;;
        bridge) printf '%s\n' $_rip_kind_bridge ;;
        bridge_slave) printf '%s\n' $_rip_kind_bridge_slave ;;
        macvlan|macvtap) printf '%s\n' $_rip_kind_macvlan ;;
        ipvlan|ipvtap) printf '%s\n' $_rip_kind_ipvlan ;;
        vxlan) printf '%s\n' $_rip_kind_vxlan ;;
    esac
}

_rip_bridge_candidates() {
    local -a w=("$@")
    local n=$(( ${#w[@]} - 1 )) cur=${w[-1]} i=0
    while (( i < n )) && [[ ${w[i]} == -* ]]; do
        case ${w[i]#-} in
            n|-n|ne*|-ne*|b|-b|ba*|-ba*|f|-f|fa*|-fa*)
                if (( i + 1 == n )); then
                    case ${w[i]#-} in
                        n*|-n*) _rip_netns_names ;;
                        b*|-b*) echo @file ;;
                        *) printf '%s\n' inet inet6 ;;
                    esac
                    return
                fi
                i=$((i + 2)) ;;
            *) i=$((i + 1)) ;;
        esac
    done
    if (( i == n )); then
        if [[ $cur == -* ]]; then printf '%s\n' $_rip_bridge_options
        else printf '%s\n' link help; fi
        return
    fi
    local obj
    obj=$(_rip_resolve "${w[i]}" "link fdb mdb vlan monitor help") || return
    [[ $obj == link ]] || return
    i=$((i + 1))
    if (( i == n )); then printf '%s\n' set change show list lst help; return; fi
    local cmd
    cmd=$(_rip_resolve "${w[i]}" "set change show list lst help") || return
    local prev=${w[n-1]}
    case $prev in
        dev|backup_port) _rip_ifnames; return ;;
        state) printf '%s\n' disabled listening learning forwarding blocking; return ;;
        hwmode) printf '%s\n' vepa veb; return ;;
        cost|priority|mcast_router) return ;;
    esac
    if [[ " $_rip_onoff_words " == *" $prev "* ]] && (( n - 1 > i )); then
        printf '%s\n' on off
        return
    fi
    case $cmd in
        set|change) printf '%s\n' $_rip_bridge_link_set ;;
        *) printf '%s\n' dev ;;
    esac
}

_rip_sysctl_candidates() {
    local -a w=("$@")
    local n=$(( ${#w[@]} - 1 )) cur=${w[-1]} prev=
    (( n > 0 )) && prev=${w[n-1]}
    case $prev in
        -p|-f|--load) echo @file; return ;;
        -r|--pattern) return ;;
    esac
    case $cur in
        --load=*|-p?*) echo @file; return ;;
        -*) printf '%s\n' $_rip_sysctl_options; return ;;
        *=*) return ;;
    esac
    _rip_sysctl_keys "$cur"
}

# <<< shared with _rip

# Entry point: the tool is chosen by the command's name, as rip does it.
_rip_complete() {
    local tool=${COMP_WORDS[0]##*/}
    local -a words=("${COMP_WORDS[@]:1:COMP_CWORD}")
    local cur=${COMP_WORDS[COMP_CWORD]}
    if [[ $tool == rip ]]; then
        if (( COMP_CWORD == 1 )) && [[ $cur != -* ]]; then
            COMPREPLY=($(compgen -W "$_rip_ip_offered bridge sysctl install-links" -- "$cur"))
            return
        fi
        case ${COMP_WORDS[1]} in
            bridge|sysctl) tool=${COMP_WORDS[1]}; words=("${words[@]:1}") ;;
            install-links) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        esac
    fi
    local out
    case $tool in
        bridge) out=$(_rip_bridge_candidates "${words[@]}") ;;
        sysctl) out=$(_rip_sysctl_candidates "${words[@]}") ;;
        *) out=$(_rip_ip_candidates "${words[@]}") ;;
    esac
    case $out in
        @file) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        @cmd) COMPREPLY=($(compgen -c -- "$cur")); return ;;
        @args\ *)
            # The command after "exec NAME" completes its own arguments
            # when bash-completion is loaded.
            if declare -F _command_offset >/dev/null; then
                _command_offset $(( ${out#@args } + 1 ))
            else
                COMPREPLY=($(compgen -f -- "$cur"))
            fi
            return ;;
    esac
    local IFS=$'\n'
    COMPREPLY=($(compgen -W "$out" -- "$cur"))
    # A sysctl directory is not a complete key: let the user go on typing.
    if [[ $tool == sysctl && ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *[./] ]]; then
        compopt -o nospace 2>/dev/null
    fi
}

complete -F _rip_complete rip ip bridge sysctl
