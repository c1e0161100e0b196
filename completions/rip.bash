# bash completion for rip and the names it answers to: ip, bridge, sysctl, brctl, ifconfig, route.
#
# Install: copy to /usr/share/bash-completion/completions/ under each name
# (rip, ip, bridge, sysctl, brctl), or source it from ~/.bashrc.
# Needs no bash-completion package and runs no program: live values come
# from /sys/class/net, /run/netns, /etc/iproute2/rt_tables and /proc/sys.
# Tests point those elsewhere with RIP_COMP_SYSFS_NET, RIP_COMP_NETNS_DIR,
# RIP_COMP_RT_TABLES and RIP_COMP_PROC_SYS.
#
# Words may be abbreviated as ip allows; an abbreviation resolves to the
# first word of ip's own table it is a prefix of ("ip l s" is link set).

# >>> shared with _rip (zsh runs it under ksh emulation; a test keeps the
# two copies identical)
# >>> generated from the keyword tables (src/args/keywords.rs): RIP_BLESS=1 cargo test --test ship
_rip_kw_ip_OPTIONS="-loops -family -4 -6 -0 -M -B -human -human-readable -iec -stats -statistics -details -resolve -oneline -timestamp -tshort -Version -force -batch -brief -json -pretty -rcvbuf -color -help -netns -Numeric -all -echo"
_rip_kw_ip_OPTIONS__family="inet inet6 link mpls bridge help"
_rip_kw_ip="address addrlabel maddress route rule neighbor neighbour ntable ntbl link l2tp fou ila macsec tunnel tunl tuntap tap token tcpmetrics tcp_metrics monitor xfrm mroute mrule netns netconf vrf sr nexthop mptcp ioam help stats"
_rip_kw_ip_address="add change chg replace delete list show lst flush save showdump restore help"
_rip_kw_ip_address_add="peer remote broadcast brd anycast scope dev label metric priority preference valid_lft preferred_lft secondary temporary nodad optimistic dadfailed home deprecated tentative permanent mngtmpaddr noprefixroute autojoin stable-privacy local help"
_rip_kw_ip_address_show="to scope up dynamic primary secondary temporary nodad optimistic dadfailed home deprecated tentative permanent mngtmpaddr noprefixroute autojoin stable-privacy label group master vrf nomaster type dev help"
_rip_kw_ip_addrlabel="list lst show add delete flush help"
_rip_kw_ip_addrlabel_add="prefix dev label"
_rip_kw_ip_maddress="add delete list show lst help"
_rip_kw_ip_maddress_add="dev address help"
_rip_kw_ip_maddress_show="dev help"
_rip_kw_ip_route="add change chg replace prepend append test delete list show lst get flush save restore showdump help"
_rip_kw_ip_route_show="table vrf cached cloned tos dsfield protocol scope type dev oif iif mark metric priority preference via src realms from to"
_rip_kw_ip_route_show_to="root match exact"
_rip_kw_ip_route_show_table="all cache help"
_rip_kw_ip_route_add="src as via from tos dsfield expires metric priority preference scope mtu hoplimit advmss reordering rtt rto_min window cwnd initcwnd initrwnd features quickack congctl rttvar ssthresh realms onlink nexthop nhid protocol table vrf dev oif pref encap ttl-propagate fastopen_no_cookie to help"
_rip_kw_ip_route_add_nexthop="via dev weight onlink realms encap as"
_rip_kw_ip_route_add_TYPE="local nat broadcast brd anycast multicast prohibit unreachable blackhole unicast throw"
_rip_kw_ip_route_add_pref="low medium high"
_rip_kw_ip_route_add_ttl_propagate="enabled disabled"
_rip_kw_ip_route_add_METRIC="lock"
_rip_kw_ip_route_add_features="ecn"
_rip_kw_ip_route_get="tos dsfield from iif mark oif dev notify connected vrf uid fibmatch as sport dport ipproto to help"
_rip_kw_ip_route_add_encap="mpls ip ip6 ila bpf seg6 seg6local rpl ioam6 xfrm help"
_rip_kw_ip_route_add_encap_mpls="ttl"
_rip_kw_ip_route_add_encap_ip="id dst src tos ttl key csum seq geneve_opts vxlan_opts erspan_opts"
_rip_kw_ip_route_add_encap_ip6="id dst src tc hoplimit key csum seq geneve_opts vxlan_opts erspan_opts"
_rip_kw_ip_route_add_encap_seg6="mode segs hmac"
_rip_kw_ip_route_add_encap_seg6_mode="inline encap l2encap encap.red l2encap.red"
_rip_kw_ip_route_add_encap_seg6local="action table vrftable nh4 nh6 iif oif count srh flavors endpoint"
_rip_kw_ip_route_add_encap_seg6local_flavors="psp usp usd next-csid"
_rip_kw_ip_route_add_encap_seg6local_next_csid="lblen nflen"
_rip_kw_ip_route_add_encap_rpl="segs"
_rip_kw_ip_route_add_encap_ioam6="freq mode tundst trace prealloc type ns size"
_rip_kw_ip_route_add_encap_ioam6_mode="inline encap auto"
_rip_kw_ip_route_add_encap_ila="csum-mode ident-type hook-type"
_rip_kw_ip_route_add_encap_ila_csum_mode="adj-transport neutral-map neutral-map-auto no-action"
_rip_kw_ip_route_add_encap_ila_ident_type="luid use-format"
_rip_kw_ip_route_add_encap_ila_hook_type="output input"
_rip_kw_ip_route_add_encap_xfrm="if_id link_dev help"
_rip_kw_ip_rule="list lst show save restore add delete flush help"
_rip_kw_ip_rule_show="preference order priority not tos dsfield fwmark dev iif oif l3mdev uidrange tun_id lookup table from src protocol ipproto sport dport dst to"
_rip_kw_ip_rule_add="not from to preference order priority tos dsfield fwmark realms protocol tun_id table lookup suppress_prefixlength sup_pl suppress_ifgroup sup_group dev iif oif l3mdev uidrange nat map-to ipproto sport dport type"
_rip_kw_ip_rule_add_type="help goto nop unicast local broadcast anycast multicast blackhole unreachable prohibit throw nat xresolve"
_rip_kw_ip_neigh="add change chg replace delete get show lst list flush help"
_rip_kw_ip_neigh_add="lladdr nud proxy router use managed extern_learn dev protocol to help"
_rip_kw_ip_neigh_show="dev master vrf nomaster unused nud proxy protocol to help"
_rip_kw_ip_neigh_get="dev proxy to help"
_rip_kw_ip_neigh_nud="permanent reachable noarp none stale incomplete delay probe failed all"
_rip_kw_ip_ntable="change chg show lst list help"
_rip_kw_ip_ntable_change="name thresh1 thresh2 thresh3 gc_int dev base_reachable retrans gc_stale delay_probe queue app_probes ucast_probes mcast_probes anycast_delay proxy_delay proxy_queue locktime"
_rip_kw_ip_ntable_show="dev name"
_rip_kw_ip_link="add set change replace delete show lst list xstats afstats property help"
_rip_kw_ip_link_set="up down name index link address broadcast brd txqueuelen qlen txqlen mtu xdpgeneric xdpdrv xdpoffload xdp netns multicast allmulticast promisc trailers arp carrier vf master vrf nomaster dynamic type alias group mode state numtxqueues numrxqueues addrgenmode link-netns link-netnsid protodown protodown_reason gso_max_size gso_max_segs gro_max_size parentdev help dev"
_rip_kw_ip_link_set_mode="default dormant"
_rip_kw_ip_link_set_addrgenmode="eui64 none stable_secret random"
_rip_kw_ip_link_set_vf="mac vlan rate max_tx_rate min_tx_rate spoofchk query_rss trust state node_guid port_guid"
_rip_kw_ip_link_set_vf_vlan="qos proto"
_rip_kw_ip_link_set_vf_state="auto enable disable"
_rip_kw_ip_link_set_xdp="none off object-file obj object-pinned pinned fd"
_rip_kw_ip_link_set_xdp_object="section program verbose"
_rip_kw_ip_link_xstats="type help"
_rip_kw_ip_link_xstats_type_bond="lacp 802.3ad dev help"
_rip_kw_ip_link_afstats="dev help"
_rip_kw_ip_link_property="add del help"
_rip_kw_ip_link_property_add="altname help dev"
_rip_kw_ip_tuntap="add delete show lst list help"
_rip_kw_ip_tuntap_add="mode user group pi one_queue vnet_hdr multi_queue dev name help"
_rip_kw_ip_tuntap_add_mode="tun tap"
_rip_kw_ip_token="list lst show set add delete get help"
_rip_kw_ip_token_set="dev help"
_rip_kw_ip_token_list="dev"
_rip_kw_ip_tcp_metrics="list lst show delete remove flush help"
_rip_kw_ip_tcp_metrics_show="src source addr address help"
_rip_kw_ip_mroute="list show lst help"
_rip_kw_ip_mroute_show="table iif from to help"
_rip_kw_ip_mroute_show_table="all help"
_rip_kw_ip_l2tp="help add delete show lst list"
_rip_kw_ip_l2tp_add="encap name remote local tunnel_id tid peer_tunnel_id ptid session_id sid peer_session_id psid udp_sport udp_dport udp_csum udp6_csum_rx udp6_csum_tx offset peer_offset cookie peer_cookie l2spec_type seq tunnel session help"
_rip_kw_ip_l2tp_VALUE="ip udp default none both recv send"
_rip_kw_ip_fou="help add delete show"
_rip_kw_ip_fou_add="port ipproto gue -6 local peer peer_port dev"
_rip_kw_ip_ila="help add delete list"
_rip_kw_ip_ila_add="loc loc_match csum-mode ident-type dev"
_rip_kw_ip_macsec="help show add set delete offload"
_rip_kw_ip_macsec_add_tx_sa="pn xpn salt ssci key on off"
_rip_kw_ip_macsec_add="tx rx sa sci port address off phy mac"
_rip_kw_ip_tunnel="add change delete show lst list prl 6rd help"
_rip_kw_ip_tunnel_add="mode key ikey okey seq iseq oseq csum icsum ocsum nopmtudisc pmtudisc remote local dev ttl hoplimit hlim tos tclass dsfield name help"
_rip_kw_ip_tunnel_mode="ipip ip/ip gre gre/ip sit ipv6/ip isatap vti"
_rip_kw_ip_tunnel_prl="prl-default prl-nodefault prl-delete dev"
_rip_kw_ip_tunnel_6rd="6rd-prefix 6rd-relay_prefix 6rd-reset dev"
_rip_kw_ip__6_tunnel_add="mode remote local dev encaplimit hoplimit ttl hlim tclass tc tos dsfield flowlabel fl dscp allow-localremote noallow-localremote key ikey okey seq iseq oseq csum icsum ocsum name help"
_rip_kw_ip__6_tunnel_mode="ipv6/ipv6 ip6ip6 vti6 ip/ipv6 ipv4/ipv6 ipip6 ip4ip6 ip6gre gre/ipv6 any/ipv6 any"
_rip_kw_ip_xfrm="state sa policy monitor help"
_rip_kw_ip_xfrm_policy="add update delete deleteall delall list show lst get flush count set setdefault getdefault help"
_rip_kw_ip_xfrm_policy_add="dir ctx mark index ptype action priority flag limit tmpl if_id nosock hthresh4 hthresh6 in out fwd"
_rip_kw_ip_xfrm_policy_VALUE="in out fwd main sub allow block localok icmp mask accept"
_rip_kw_ip_xfrm_state="add update allocspi delete deleteall delall list show lst get flush count help"
_rip_kw_ip_xfrm_state_add="nokeys mode mark reqid seq replay-window replay-seq replay-seq-hi replay-oseq replay-oseq-hi flag extra-flag sel limit encap coa ctx offload output-mark if_id tfcpad min max"
_rip_kw_ip_xfrm_state_ALGO="enc auth comp aead auth-trunc"
_rip_kw_ip_xfrm_state_encap="espinudp-nonike espinudp espintcp"
_rip_kw_ip_xfrm_state_VALUE="noecn decap-dscp nopmtudisc wildrecv icmp af-unspec align4 esn dont-encap-dscp oseq-may-wrap dev dir in out mask"
_rip_kw_ip_xfrm_monitor="file nokeys all all-nsid acquire expire SA aevent policy report help"
_rip_kw_ip_xfrm_SELECTOR="src dst dev"
_rip_kw_ip_xfrm_UPSPEC="proto sport dport type code key"
_rip_kw_ip_xfrm_ID="src dst proto spi"
_rip_kw_ip_xfrm_policy_tmpl="mode reqid level required use none any"
_rip_kw_ip_xfrm_limit="time-soft time-hard time-use-soft time-use-hard byte-soft byte-hard packet-soft packet-hard"
_rip_kw_ip_xfrm_XFRM_PROTO="esp ah comp route2 hao ipsec-any"
_rip_kw_ip_xfrm_MODE="transport tunnel ro in_trigger beet"
_rip_kw_ip_link_type="veth bridge bridge_slave macvlan macvtap ipvlan ipvtap vxlan tun vlan vrf vrf_slave bond bond_slave geneve ipip sit gre gretap erspan vti vti6 xfrm ip6tnl ip6gre ip6gretap ip6erspan bareudp amt hsr gtp ipoib macsec can dummy ifb nlmon vcan netdevsim team team_slave virt_wifi batadv dsa rmnet vxcan wwan"
_rip_kw_ip_link_type_veth="peer"
_rip_kw_ip_link_type_bridge="forward_delay hello_time max_age ageing_time stp_state priority vlan_filtering vlan_protocol group_fwd_mask group_address no_linklocal_learn fdb_flush vlan_default_pvid vlan_stats_enabled vlan_stats_per_port mcast_router mcast_snooping mcast_vlan_snooping mcast_query_use_ifaddr mcast_querier mcast_hash_elasticity mcast_hash_max mcast_last_member_count mcast_startup_query_count mcast_last_member_interval mcast_membership_interval mcast_querier_interval mcast_query_interval mcast_query_response_interval mcast_startup_query_interval mcast_stats_enabled mcast_igmp_version mcast_mld_version nf_call_iptables nf_call_ip6tables nf_call_arptables help"
_rip_kw_ip_link_type_bridge_slave="fdb_flush state priority cost hairpin guard root_block fastleave learning flood mcast_flood bcast_flood mcast_to_unicast proxy_arp proxy_arp_wifi mcast_router mcast_fast_leave neigh_suppress group_fwd_mask vlan_tunnel isolated locked backup_port nobackup_port help"
_rip_kw_ip_link_type_macvlan="mode flag macaddr nopromisc nodst bcqueuelen help"
_rip_kw_ip_link_type_macvlan_mode="private vepa bridge passthru source"
_rip_kw_ip_link_type_macvlan_flag="nopromisc nodst null"
_rip_kw_ip_link_type_ipvlan="mode private vepa bridge help"
_rip_kw_ip_link_type_ipvlan_mode="l2 l3 l3s"
_rip_kw_ip_link_type_vxlan="id vni group remote local dev ttl hoplimit tos dsfield df label flowlabel ageing maxaddress port srcport dstport nolearning learning noproxy proxy norsc rsc nol2miss l2miss nol3miss l3miss udpcsum noudpcsum udp6zerocsumtx noudp6zerocsumtx udp6zerocsumrx noudp6zerocsumrx remcsumtx noremcsumtx remcsumrx noremcsumrx external noexternal gbp gpe vnifilter novnifilter help"
_rip_kw_ip_link_type_vlan="protocol id reorder_hdr gvrp mvrp loose_binding bridge_binding ingress-qos-map egress-qos-map help"
_rip_kw_ip_link_type_vrf="table help"
_rip_kw_ip_link_type_bond="mode active_slave clear_active_slave miimon updelay downdelay peer_notify_delay use_carrier arp_interval arp_ip_target ns_ip6_target arp_validate arp_all_targets arp_missed_max primary primary_reselect fail_over_mac xmit_hash_policy resend_igmp num_grat_arp num_unsol_na all_slaves_active min_links lp_interval packets_per_slave lacp_rate lacp_active ad_select ad_user_port_key ad_actor_sys_prio ad_actor_system tlb_dynamic_lb help"
_rip_kw_ip_link_type_bond_slave="queue_id prio help"
_rip_kw_ip_link_type_bond_mode="balance-rr active-backup balance-xor broadcast 802.3ad balance-tlb balance-alb"
_rip_kw_ip_link_type_bond_arp_validate="none active backup all filter filter_active filter_backup"
_rip_kw_ip_link_type_bond_arp_all_targets="any all"
_rip_kw_ip_link_type_bond_primary_reselect="always better failure"
_rip_kw_ip_link_type_bond_fail_over_mac="none active follow"
_rip_kw_ip_link_type_bond_xmit_hash_policy="layer2 layer3+4 layer2+3 encap2+3 encap3+4 vlan+srcmac"
_rip_kw_ip_link_type_bond_lacp_active="off on"
_rip_kw_ip_link_type_bond_lacp_rate="slow fast"
_rip_kw_ip_link_type_bond_ad_select="stable bandwidth count"
_rip_kw_ip_link_type_geneve="id vni remote ttl hoplimit tos dsfield df label flowlabel dstport external noexternal udpcsum noudpcsum udp6zerocsumtx noudp6zerocsumtx udp6zerocsumrx noudp6zerocsumrx innerprotoinherit help"
_rip_kw_ip_link_type_ipip="mode remote local ttl hoplimit hlim tos tclass tc nopmtudisc pmtudisc isatap noencap encap encap-sport encap-dport encap-csum noencap-csum encap-udp6-csum noencap-udp6-csum encap-remcsum noencap-remcsum external 6rd-prefix 6rd-relay_prefix 6rd-reset fwmark dev dsfield"
_rip_kw_ip_link_type_ipip_mode="ipv6/ipv4 ip6ip ipv4/ipv4 ipip ip4ip4 mpls/ipv4 mplsip any/ipv4 any"
_rip_kw_ip_link_type_ipip_encap="fou gue none"
_rip_kw_ip_link_type_gre="key nokey ikey noikey okey nookey seq noseq iseq noiseq oseq nooseq csum nocsum icsum noicsum ocsum noocsum nopmtudisc pmtudisc remote local dev ttl hoplimit hlim tos tclass dsfield noencap encap encap-sport encap-dport encap-csum noencap-csum encap-udp6-csum noencap-udp6-csum encap-remcsum noencap-remcsum external ignore-df noignore-df fwmark erspan erspan_ver erspan_dir erspan_hwid"
_rip_kw_ip_link_type_erspan_erspan_dir="ingress egress"
_rip_kw_ip_link_type_vti="key ikey okey remote local dev fwmark"
_rip_kw_ip_link_type_xfrm="dev if_id external"
_rip_kw_ip_link_type_ip6tnl="mode remote local dev tos tclass tc dsfield flowlabel fl dscp fwmark allow-localremote noallow-localremote noencap encap encap-sport encap-dport encap-csum noencap-csum encap-udp6-csum noencap-udp6-csum encap-remcsum noencap-remcsum ttl hoplimit hlim encaplimit external"
_rip_kw_ip_link_type_ip6tnl_mode="ipv6/ipv6 ip6ip6 ip/ipv6 ipv4/ipv6 ipip6 ip4ip6 any/ipv6 any"
_rip_kw_ip_link_type_ip6gre="key nokey ikey noikey okey nookey seq noseq iseq noiseq oseq nooseq csum nocsum icsum noicsum ocsum noocsum remote local dev ttl hoplimit hlim tos tclass dsfield flowlabel fl dscp fwmark allow-localremote noallow-localremote external encaplimit erspan erspan_ver erspan_dir erspan_hwid noencap encap encap-sport encap-dport encap-csum noencap-csum encap-udp6-csum noencap-udp6-csum encap-remcsum noencap-remcsum"
_rip_kw_ip_link_type_bareudp="dstport ethertype srcportmin multiproto nomultiproto help"
_rip_kw_ip_link_type_amt="mode relay_port gateway_port max_tunnels dev local discovery help"
_rip_kw_ip_link_type_amt_mode="gateway relay"
_rip_kw_ip_link_type_hsr="supervision version proto slave1 slave2 help"
_rip_kw_ip_link_type_gtp="role hsize restart_count help"
_rip_kw_ip_link_type_gtp_role="sgsn ggsn"
_rip_kw_ip_link_type_ipoib="pkey mode umcast help"
_rip_kw_ip_link_type_ipoib_mode="datagram connected"
_rip_kw_ip_link_type_macsec="sci port address cipher icvlen encrypt send_sci end_station scb protect replay window validate encodingsa offload"
_rip_kw_ip_link_type_macsec_cipher="default gcm-aes-128 GCM-AES-128 gcm-aes-256 GCM-AES-256 gcm-aes-xpn-128 GCM-AES-XPN-128 gcm-aes-xpn-256 GCM-AES-XPN-256"
_rip_kw_ip_link_type_macsec_validate="disabled check strict"
_rip_kw_ip_link_type_macsec_offload="off phy mac"
_rip_kw_ip_link_type_can="bitrate sample-point tq prop-seg phase-seg1 phase-seg2 sjw dbitrate dsample-point dtq dprop-seg dphase-seg1 dphase-seg2 dsjw tdcv tdco tdcf loopback listen-only triple-sampling one-shot berr-reporting fd fd-non-iso presume-ack cc-len8-dlc tdc-mode restart restart-ms termination help"
_rip_kw_ip_link_type_can_tdc_mode="auto manual off"
_rip_kw_ip_link_type_batadv="ra help"
_rip_kw_ip_link_type_dsa="conduit master help"
_rip_kw_ip_link_type_rmnet="mux_id help"
_rip_kw_ip_link_type_wwan="linkid help"
_rip_kw_ip_link_xstats_type_bridge="igmp mcast stp dev help"
_rip_kw_ip_monitor="file label link address route mroute prefix neigh netconf rule nsid nexthop stats all all-nsid help dev"
_rip_kw_ip_netns="list show lst list-id help add set delete identify pids exec monitor attach"
_rip_kw_ip_netns_list_id="target-nsid nsid"
_rip_kw_ip_netns_set="auto"
_rip_kw_ip_netconf="show lst list help"
_rip_kw_ip_netconf_show="dev"
_rip_kw_ip_nexthop="add replace delete list show lst get flush bucket help"
_rip_kw_ip_nexthop_add="id dev via encap blackhole fdb onlink group type protocol help"
_rip_kw_ip_nexthop_add_type="mpath resilient"
_rip_kw_ip_nexthop_add_type_resilient="buckets idle_timer unbalanced_timer"
_rip_kw_ip_nexthop_list="dev groups master vrf id protocol fdb help"
_rip_kw_ip_nexthop_bucket="list show lst get help"
_rip_kw_ip_nexthop_bucket_list="dev master vrf id nhid help"
_rip_kw_ip_nexthop_get="id index"
_rip_kw_ip_stats="help show set"
_rip_kw_ip_stats_show="dev help group subgroup suite"
_rip_kw_ip_stats_set="dev l3_stats help"
_rip_kw_ip_stats_show_group="link xstats xstats_slave offload afstats"
_rip_kw_ip_stats_show_subgroup="bridge bond cpu_hit hw_stats_info l3_stats mpls"
_rip_kw_ip_stats_show_suite="stp mcast 802.3ad"
_rip_kw_ip_vrf="identify pids exec show lst list help"
_rip_kw_ip_mptcp="help endpoint limits monitor"
_rip_kw_ip_mptcp_endpoint="add change delete show flush"
_rip_kw_ip_mptcp_limits="set show"
_rip_kw_ip_mptcp_endpoint_add="signal subflow backup fullmesh nobackup nofullmesh id dev port"
_rip_kw_ip_mptcp_limits_set="subflows add_addr_accepted"
_rip_kw_ip_ioam="help namespace schema"
_rip_kw_ip_ioam_namespace="show add del set"
_rip_kw_ip_ioam_schema="show add del"
_rip_kw_ip_ioam_namespace_add="data wide"
_rip_kw_ip_ioam_namespace_set="schema none"
_rip_kw_ip_sr="help hmac tunsrc"
_rip_kw_ip_sr_hmac="show set"
_rip_kw_ip_sr_hmac_set="sha1 sha256"
_rip_kw_bridge_OPTIONS="-help -Version -stats -statistics -details -oneline -timestamp -family -4 -6 -netns -color -compressvlans -force -json -pretty -batch"
_rip_kw_bridge="link fdb mdb vlan vni monitor help"
_rip_kw_bridge_link="set change show lst list help"
_rip_kw_bridge_link_set="dev guard hairpin fastleave root_block learning learning_sync flood mcast_router mcast_flood bcast_flood mcast_to_unicast cost priority state hwmode self master neigh_suppress vlan_tunnel isolated locked backup_port nobackup_port"
_rip_kw_bridge_link_show="dev"
_rip_kw_bridge_link_set_hwmode="vepa veb"
_rip_kw_bridge_link_set_state="disabled listening learning forwarding blocking"
_rip_kw_bridge_fdb="add append replace delete get show lst list flush help"
_rip_kw_bridge_fdb_add="dev dst nhid port vni src_vni via self master router local permanent temp static dynamic vlan use extern_learn sticky to help"
_rip_kw_bridge_fdb_show="brport dev br vlan state dynamic help"
_rip_kw_bridge_fdb_show_state="permanent static temp stale reachable dynamic all"
_rip_kw_bridge_fdb_get="brport dev br vni self master vlan dynamic to help"
_rip_kw_bridge_fdb_flush="dev master self permanent nopermanent static nostatic dynamic nodynamic brport vlan help added_by_user noadded_by_user extern_learn noextern_learn sticky nosticky offloaded nooffloaded"
_rip_kw_bridge_mdb="add delete show lst list help"
_rip_kw_bridge_mdb_add="dev grp port permanent temp vid src help"
_rip_kw_bridge_mdb_show="dev vid"
_rip_kw_bridge_vlan="add delete show lst list tunnelshow set global help"
_rip_kw_bridge_vlan_add="dev vid self master pvid untagged tunnel_info help"
_rip_kw_bridge_vlan_show="dev vid"
_rip_kw_bridge_vlan_tunnelshow="dev vid"
_rip_kw_bridge_vlan_set="dev vid state mcast_router help"
_rip_kw_bridge_vlan_global="show lst list set"
_rip_kw_bridge_vlan_global_show="dev vid"
_rip_kw_bridge_vlan_global_set="dev vid mcast_snooping mcast_querier mcast_igmp_version mcast_mld_version mcast_last_member_count mcast_startup_query_count mcast_last_member_interval mcast_membership_interval mcast_querier_interval mcast_query_interval mcast_query_response_interval mcast_startup_query_interval help"
_rip_kw_bridge_vni="add delete show lst list help"
_rip_kw_bridge_vni_add="dev vni group remote help"
_rip_kw_bridge_vni_show="dev"
_rip_kw_bridge_monitor="file link fdb mdb vlan vni all help"
_rip_kw_sysctl_OPTIONS="-a --all -A -X --deprecated --dry-run -b --binary -e --ignore -N --names -n --values -p --load -f --system -r --pattern -q --quiet -w --write -o -x -d -h --help -V --version"
_rip_kw_brctl="addbr delbr addif delif hairpin setageing setbridgeprio setfd sethello setmaxage setpathcost setportprio show showmacs showstp stp"
_rip_kw_brctl_OPTIONS="-h --help -V --version"
_rip_kw_brctl_stp_BRIDGE="on yes 1 off no 0"
_rip_kw_ifconfig_OPTIONS="-a -s -v -V -version --version -h -help --help"
_rip_kw_ifconfig_AF="unix inet inet6 ax25 netrom rose ipx ddp ec ash x25 unspec"
_rip_kw_ifconfig_SETTINGS="arp -arp media port trailers -trailers promisc -promisc multicast -multicast allmulti -allmulti up down dynamic -dynamic mtu keepalive outfill -broadcast broadcast dstaddr netmask txqueuelen name mem_start io_addr irq -pointopoint -pointtopoint pointopoint pointtopoint hw add del tunnel"
_rip_kw_ifconfig_hw="loop slip cslip slip6 cslip6 adaptive ash ether ax25 netrom rose tunnel ppp hdlc lapb arcnet dlci frad sit fddi hippi irda ec x25 eui64 unspec"
_rip_kw_ifconfig_media="auto unknown 10base2 bnc coax 10baseT utp tpe AUI thick db15 100baseT 100baseTX 100baseFX"
_rip_kw_route_OPTIONS="-n --numeric -N --symbolic -v --verbose -e --extend -F --fib -C --cache -A --protocol -4 -6 -h --help -V --version --inet --inet6"
_rip_kw_route_AF="ax25 ip ip6 ipx rose appletalk netrom inet inet6 ddp unix tcpip econet x25 ash bluetooth ec unspec"
_rip_kw_route_COMMANDS="add del delete flush"
_rip_kw_route_add="-net -host default metric netmask gw gateway mss mtu window irtt reject mod dyn reinstate device dev"
# <<< generated from the keyword tables
# Keyword lists come from the generated _rip_kw_* block above (one list per
# parser level, named after its table's path); the code below walks the
# words and completes values. The hand-written lists left are values no
# table holds, each with its reason.

# What rip implements of ip's objects (_rip_kw_ip lists them all, in ip's
# order, which decides what an abbreviation means); only these are offered.
_rip_ip_offered="address addrlabel maddress route rule neighbor neighbour ntable ntbl link l2tp fou ila macsec tunnel tunl tuntap tap token tcp_metrics tcpmetrics monitor xfrm mroute mrule netns netconf vrf sr nexthop mptcp ioam help stats"
# The keywords that take on/off: which keyword takes which value is in the
# parsers' code, not in their tables.
_rip_onoff_words="reorder_hdr gvrp mvrp loose_binding bridge_binding arp dynamic multicast allmulticast promisc trailers carrier protodown spoofchk query_rss trust guard hairpin fastleave root_block learning learning_sync flood proxy_arp proxy_arp_wifi mcast_fast_leave mcast_flood bcast_flood mcast_to_unicast neigh_suppress vlan_tunnel isolated locked"
# Route protocol and scope names: values the name codecs read (src/names,
# also from /etc/iproute2), not keywords.
_rip_route_protos="kernel boot static redirect ra dhcp gated mrt zebra bird babel dnrouted xorp ntk keepalived bgp isis ospf rip eigrp"
_rip_scopes="host link global site nowhere"

# The generated list of the table whose variable suffix is $1 (its path
# with non-alphanumerics as _, e.g. ip_link_set), one word a line; fails
# when there is no such table. $1 may hold a typed word (a kind), so only
# a plain name reaches eval.
_rip_kw() {
    case $1 in ''|*[!A-Za-z0-9_]*) return 1 ;; esac
    local _rip_v
    eval "_rip_v=\${_rip_kw_$1-}"
    [[ -n $_rip_v ]] || return 1
    printf '%s\n' $_rip_v
}

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

# Values of the options of link kind $2 (after "type KIND"); returns 1
# when $1 is not such an option, so the generic table below decides.
# Hand-written: these are value words, not keywords (compat-tests/ship.rs
# lists them as PENDING value tables, or NOT_ON_TABLES for inherit & co).
_rip_kind_value() {
    local kw=$1 kind=$2
    case $kind/$kw in
        bond/mode) printf '%s\n' balance-rr active-backup balance-xor broadcast 802.3ad balance-tlb balance-alb ;;
        bond/active_slave|bond/primary) _rip_ifnames ;;
        bond/arp_validate) printf '%s\n' none active backup all filter filter_active filter_backup ;;
        bond/arp_all_targets) printf '%s\n' any all ;;
        bond/primary_reselect) printf '%s\n' always better failure ;;
        bond/fail_over_mac) printf '%s\n' none active follow ;;
        bond/xmit_hash_policy) printf '%s\n' layer2 layer2+3 layer3+4 encap2+3 encap3+4 vlan+srcmac ;;
        bond/lacp_active) printf '%s\n' on off ;;
        bond/lacp_rate) printf '%s\n' slow fast ;;
        bond/ad_select) printf '%s\n' stable bandwidth count ;;
        bond/miimon|bond/updelay|bond/downdelay|bond/peer_notify_delay|bond/use_carrier|bond/arp_interval|\
        bond/arp_ip_target|bond/ns_ip6_target|bond/arp_missed_max|bond/resend_igmp|bond/num_grat_arp|bond/num_unsol_na|\
        bond/all_slaves_active|bond/min_links|bond/lp_interval|bond/packets_per_slave|bond/ad_user_port_key|\
        bond/ad_actor_sys_prio|bond/ad_actor_system|bond/tlb_dynamic_lb|bond_slave/queue_id|bond_slave/prio) ;;
        geneve/ttl|geneve/hoplimit) printf '%s\n' auto inherit ;;
        geneve/tos|geneve/dsfield) echo inherit ;;
        ipip/mode) printf '%s\n' ipip ip4ip4 mplsip any ;;
        sit/mode) printf '%s\n' ip6ip ipip ip4ip4 mplsip any ;;
        ip6tnl/mode) printf '%s\n' ip6ip6 ipip6 ip4ip6 any ;;
        ip6tnl/encaplimit|ip6gre*/encaplimit|ip6erspan/encaplimit) echo none ;;
        ip6tnl/tclass|ip6tnl/tos|ip6tnl/tc|ip6tnl/dsfield|ip6tnl/flowlabel|ip6tnl/fl|ip6tnl/dscp|ip6tnl/fwmark|\
        ip6gre*/tclass|ip6gre*/tos|ip6gre*/dsfield|ip6gre*/flowlabel|ip6gre*/fl|ip6gre*/dscp|ip6gre*/fwmark|\
        ip6erspan/tclass|ip6erspan/tos|ip6erspan/dsfield|ip6erspan/flowlabel|ip6erspan/fl|ip6erspan/dscp|ip6erspan/fwmark) echo inherit ;;
        ip6tnl/hoplimit|ip6tnl/ttl|ip6tnl/hlim|ip6gre*/hoplimit|ip6gre*/ttl|ip6gre*/hlim|ip6erspan/hoplimit|ip6erspan/ttl|ip6erspan/hlim) ;;
        bareudp/ethertype) printf '%s\n' ipv4 ipv6 mpls_uc mpls_mc ;;
        amt/mode) printf '%s\n' gateway relay ;;
        hsr/slave1|hsr/slave2) _rip_ifnames ;;
        gtp/role) printf '%s\n' ggsn sgsn ;;
        ipoib/mode) printf '%s\n' datagram connected ;;
        can/tdc-mode) printf '%s\n' auto manual off ;;
        can/loopback|can/listen-only|can/triple-sampling|can/one-shot|can/berr-reporting|can/fd|can/fd-non-iso|can/presume-ack|can/cc-len8-dlc) printf '%s\n' on off ;;
        can/bitrate|can/sample-point|can/tq|can/prop-seg|can/phase-seg1|can/phase-seg2|can/sjw|can/dbitrate|can/dsample-point|can/dtq|can/dprop-seg|can/dphase-seg1|can/dphase-seg2|can/dsjw|can/tdcv|can/tdco|can/tdcf|can/restart-ms|can/termination) ;;
        macsec/cipher) printf '%s\n' default gcm-aes-128 gcm-aes-256 gcm-aes-xpn-128 gcm-aes-xpn-256 ;;
        macsec/encrypt|macsec/send_sci|macsec/end_station|macsec/scb|macsec/protect|macsec/replay) printf '%s\n' on off ;;
        macsec/validate) printf '%s\n' strict check disabled ;;
        macsec/offload) printf '%s\n' off phy mac ;;
        macsec/sci|macsec/port|macsec/icvlen|macsec/window|macsec/encodingsa) ;;
        bareudp/srcportmin|amt/discovery|amt/relay_port|amt/gateway_port|amt/max_tunnels|hsr/supervision|hsr/version|\
        hsr/proto|gtp/hsize|gtp/restart_count|ipoib/pkey|ipoib/umcast) ;;
        gre/*|gretap/*|erspan/*|ipip/*|sit/*|ip6tnl/*|ip6gre*/*|ip6erspan/*)
            case $kw in
                ttl|hoplimit|hlim|tos|tclass|tc|dsfield) echo inherit ;;
                encap) printf '%s\n' fou gue none ;;
                encap-sport) echo auto ;;
                erspan_dir) printf '%s\n' ingress egress ;;
                key|ikey|okey|fwmark|encap-dport|6rd-prefix|6rd-relay_prefix|erspan|erspan_ver|erspan_hwid) ;;
                *) return 1 ;;
            esac ;;
        vti/key|vti/ikey|vti/okey|vti/fwmark|vti6/key|vti6/ikey|vti6/okey|vti6/fwmark|xfrm/if_id) ;;
        *) return 1 ;;
    esac
    return 0
}

# Candidates for a value after keyword $1 in ip OBJECT $2, command $3.
# Returns 1 when $1 takes no value we know how to complete. Value lists
# with a table come from it; the hand-written ones are value words the
# parsers match in code (ship.rs: PENDING and NOT_ON_TABLES) or names.
_rip_ip_value() {
    local kw=$1 obj=$2 cmd=$3 kind=$4
    [[ -n $kind ]] && _rip_kind_value "$kw" "$kind" && return 0
    case $kw in
        dev|master|link|oif|iif|backup_port|parentdev|vrf)
            _rip_ifnames ;;
        netns|link-netns) _rip_netns_names ;;
        ty|typ|type)
            if [[ $etype == ioam6 ]]; then return 0
            elif [[ $obj == route ]]; then _rip_kw ip_route_add_TYPE
            else _rip_kw ip_link_type; fi ;;
        table) [[ $obj == route ]] && echo cache; _rip_tables ;;
        scope) printf '%s\n' $_rip_scopes all ;;
        addrgenmode) printf '%s\n' eui64 none stable_secret random ;;
        mode)
            case $obj/$kind in
                route/*)
                    if [[ $etype == ioam6 ]]; then printf '%s\n' inline encap auto
                    else printf '%s\n' inline encap l2encap encap.red l2encap.red; fi ;;
                */macvlan|*/macvtap) printf '%s\n' private vepa bridge passthru source ;;
                */ipvlan|*/ipvtap) printf '%s\n' l2 l3 l3s ;;
                *) printf '%s\n' default dormant ;;
            esac ;;
        flag) printf '%s\n' nopromisc nodst null ;;
        ttl) [[ $kind == vxlan ]] && printf '%s\n' auto inherit ;;
        tos) [[ $kind == vxlan ]] && echo inherit ;;
        df) printf '%s\n' unset set inherit ;;
        maxaddress) echo unlimited ;;
        protocol|proto) if [[ $kind == vlan || $vf == 1 ]]; then printf '%s\n' 802.1Q 802.1ad
            else printf '%s\n' $_rip_route_protos all; fi ;;
        macaddr) printf '%s\n' add del set flush ;;
        vlan_protocol) printf '%s\n' 802.1Q 802.1ad ;;
        state)
            if [[ $vf == 1 ]]; then
                _rip_kw ip_link_set_vf_state
            elif [[ $obj == link && $kind != bridge_slave ]]; then
                printf '%s\n' UNKNOWN NOTPRESENT DOWN LOWERLAYERDOWN TESTING DORMANT UP
            else
                printf '%s\n' disabled listening learning forwarding blocking
            fi ;;
        hwmode) printf '%s\n' vepa veb ;;
        ttl-propagate) _rip_kw ip_route_add_ttl_propagate ;;
        pref) _rip_kw ip_route_add_pref ;;
        features) printf '%s\n' ecn ;;
        flavors) printf '%s\n' psp usp usd next-csid ;;
        csum-mode) printf '%s\n' adj-transport neutral-map neutral-map-auto no-action ;;
        ident-type) printf '%s\n' luid use-format ;;
        hook-type) printf '%s\n' output input ;;
        tundst|lblen|nflen|freq|segs|hmac|if_id|link_dev|ns|size|headroom) return 0 ;;
        action) [[ $obj == route ]] && printf '%s\n' End End.X End.T End.DX2 End.DX6 End.DX4 End.DT6 End.DT4 End.DT46 End.B6 End.B6.Encaps End.BM End.S End.AS End.AM End.BPF ;;
        encap) _rip_kw ip_route_add_encap ;;
        valid_lft|preferred_lft) printf '%s\n' forever ;;
        xdp|xdpgeneric|xdpdrv|xdpoffload) _rip_kw ip_link_set_xdp ;;
        name|address|broadcast|brd|mtu|txqueuelen|txqlen|qlen|numtxqueues|numrxqueues|alias|group|index|link-netnsid|\
        via|src|metric|priority|preference|weight|nhid|tos|dsfield|realms|label|peer|remote|local|anycast|to|from|\
        root|match|exact|mark|cost|id|dstport|advmss|hoplimit|mtu|window|cwnd|ssthresh|initcwnd|initrwnd|rtt|rttvar|rto_min|\
        gso_max_size|gso_max_segs|gro_max_size|vf|protodown_reason|uid|ipproto|sport|dport|expires|congctl|quickack|\
        fastopen_no_cookie|forward_delay|hello_time|max_age|ageing_time|stp_state|group_fwd_mask|group_address|bcqueuelen|\
        mcast_router|ageing|flowlabel|srcport|vni|mux_id|linkid|ra|conduit|ingress-qos-map|egress-qos-map)
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
                        -f*) printf '%s\n' $_rip_kw_ip_OPTIONS__family ;;
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
            printf '%s\n' $_rip_kw_ip_OPTIONS
        else
            printf '%s\n' $_rip_ip_offered
        fi
        return
    fi
    local obj
    obj=$(_rip_resolve "${w[i]}" "$_rip_kw_ip") || return
    i=$((i + 1))
    local cmds
    case $obj in
        link) cmds=$_rip_kw_ip_link ;;
        address) cmds=$_rip_kw_ip_address ;;
        route) cmds=$_rip_kw_ip_route ;;
        rule) cmds=$_rip_kw_ip_rule ;;
        netns) cmds=$_rip_kw_ip_netns ;;
        neighbor|neighbour) cmds=$_rip_kw_ip_neigh ;;
        ntable|ntbl) cmds=$_rip_kw_ip_ntable ;;
        tuntap|tap) cmds=$_rip_kw_ip_tuntap ;;
        maddress) cmds=$_rip_kw_ip_maddress ;;
        addrlabel) cmds=$_rip_kw_ip_addrlabel ;;
        token) cmds=$_rip_kw_ip_token ;;
        mroute) cmds=$_rip_kw_ip_mroute ;;
        tcp_metrics|tcpmetrics) cmds=$_rip_kw_ip_tcp_metrics ;;
        netconf) cmds=$_rip_kw_ip_netconf ;;
        nexthop) cmds=$_rip_kw_ip_nexthop ;;
        monitor)
            # No commands: the object words, a device after "dev", a file
            # after "file".
            if (( n > i )); then
                case ${w[n-1]} in
                    dev) _rip_ifnames; return ;;
                    file) echo @file; return ;;
                esac
            fi
            printf '%s\n' $_rip_kw_ip_monitor
            return ;;
        stats) cmds=$_rip_kw_ip_stats ;;
        vrf) cmds=$_rip_kw_ip_vrf ;;
        sr) cmds=$_rip_kw_ip_sr ;;
        ioam) cmds=$_rip_kw_ip_ioam ;;
        mptcp) cmds=$_rip_kw_ip_mptcp ;;
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

    if [[ $obj == neighbor || $obj == neighbour ]]; then
        # The words of each command's table; device names after "dev",
        # the NUD state names after "nud".
        case $prev in
            dev|master|vrf) _rip_ifnames; return ;;
            nud) printf '%s\n' $_rip_kw_ip_neigh_nud; return ;;
        esac
        case $cmd in
            add|change|chg|replace|delete) printf '%s\n' $_rip_kw_ip_neigh_add ;;
            show|flush) printf '%s\n' $_rip_kw_ip_neigh_show ;;
            get) printf '%s\n' $_rip_kw_ip_neigh_get ;;
        esac
        return
    fi

    if [[ $obj == netconf ]]; then
        [[ $prev == dev ]] && { _rip_ifnames; return; }
        [[ $cmd == show ]] && printf '%s\n' $_rip_kw_ip_netconf_show
        return
    fi

    if [[ $obj == nexthop ]]; then
        # The words of each command's table; device names after dev, master
        # and vrf; the group types after "type"; the bucket commands.
        case $prev in
            dev|master|vrf) _rip_ifnames; return ;;
            type) printf '%s\n' $_rip_kw_ip_nexthop_add_type; return ;;
            resilient) printf '%s\n' $_rip_kw_ip_nexthop_add_type_resilient; return ;;
        esac
        case $cmd in
            add|replace) printf '%s\n' $_rip_kw_ip_nexthop_add ;;
            show|flush) printf '%s\n' $_rip_kw_ip_nexthop_list ;;
            delete|get) printf '%s\n' $_rip_kw_ip_nexthop_get ;;
            bucket)
                if (( n == i )); then
                    printf '%s\n' $_rip_kw_ip_nexthop_bucket
                else
                    case $(_rip_resolve "${w[i]}" "$_rip_kw_ip_nexthop_bucket") in
                        list|show|lst) printf '%s\n' $_rip_kw_ip_nexthop_bucket_list ;;
                        get) printf '%s\n' $_rip_kw_ip_nexthop_get ;;
                    esac
                fi ;;
        esac
        return
    fi

    if [[ $obj == ntable || $obj == ntbl ]]; then
        # The words of each command's table; device names after "dev", the
        # kernel's table names (values, not keywords) after "name".
        case $prev in
            dev) _rip_ifnames; [[ $cmd == show ]] && echo none; return ;;
            name) printf '%s\n' arp_cache ndisc_cache; return ;;
        esac
        case $cmd in
            set) printf '%s\n' $_rip_kw_ip_ntable_change ;;
            show) printf '%s\n' $_rip_kw_ip_ntable_show ;;
        esac
        return
    fi

    if [[ $obj == tcp_metrics || $obj == tcpmetrics ]]; then
        # Addresses are values; the selector words otherwise.
        case $prev in
            src|source|addr|address) return ;;
        esac
        printf '%s\n' $_rip_kw_ip_tcp_metrics_show
        return
    fi

    if [[ $obj == mroute ]]; then
        # Device names after "iif", table names after "table".
        case $prev in
            iif) _rip_ifnames; return ;;
            table) _rip_tables; printf "%s\n" help; return ;;
            to|from) return ;;
        esac
        printf '%s\n' $_rip_kw_ip_mroute_show
        return
    fi

    if [[ $obj == token ]]; then
        # Device names after "dev"; set and del also take "dev".
        case $prev in
            dev) _rip_ifnames; return ;;
        esac
        case $cmd in
            set|add|delete) printf '%s\n' $_rip_kw_ip_token_set ;;
            list|get|show) printf '%s\n' $_rip_kw_ip_token_list ;;
        esac
        return
    fi

    if [[ $obj == stats ]]; then
        # Device names after "dev"; the suite tree's names after group,
        # subgroup and suite.
        case $prev in
            dev) _rip_ifnames; return ;;
            group) printf '%s\n' $_rip_kw_ip_stats_show_group; return ;;
            subgroup) printf '%s\n' $_rip_kw_ip_stats_show_subgroup; return ;;
            suite) printf '%s\n' $_rip_kw_ip_stats_show_suite; return ;;
            l3_stats) printf '%s\n' on off; return ;;
        esac
        case $cmd in
            show) printf '%s\n' $_rip_kw_ip_stats_show ;;
            set) printf '%s\n' $_rip_kw_ip_stats_set ;;
        esac
        return
    fi

    if [[ $obj == vrf ]]; then
        # exec: a command after the VRF name; nothing else to offer.
        [[ $cmd == exec ]] && (( n == i + 1 )) && echo @cmd
        [[ $cmd == exec ]] && (( n > i + 1 )) && echo "@args $((i + 1))"
        return
    fi

    if [[ $obj == mptcp ]]; then
        # endpoint and limits take a command, then their options; device
        # names after "dev".
        case $cmd in
            endpoint)
                if (( n == i )); then printf '%s\n' $_rip_kw_ip_mptcp_endpoint
                elif [[ $prev == dev ]]; then _rip_ifnames
                elif [[ $prev != id && $prev != port ]]; then printf '%s\n' $_rip_kw_ip_mptcp_endpoint_add
                fi ;;
            limits)
                if (( n == i )); then printf '%s\n' $_rip_kw_ip_mptcp_limits
                elif [[ $prev != subflows && $prev != add_addr_accepted ]]; then printf '%s\n' $_rip_kw_ip_mptcp_limits_set
                fi ;;
        esac
        return
    fi

    if [[ $obj == ioam ]]; then
        # namespace and schema take a command.
        (( n == i )) || return
        case $cmd in
            namespace) printf '%s\n' $_rip_kw_ip_ioam_namespace ;;
            schema) printf '%s\n' $_rip_kw_ip_ioam_schema ;;
        esac
        return
    fi

    if [[ $obj == sr ]]; then
        # hmac and tunsrc take show or set; then the algorithms after a
        # key id.
        if (( n == i )); then printf '%s\n' $_rip_kw_ip_sr_hmac
        elif [[ $cmd == hmac ]] && (( n == i + 2 )); then printf '%s\n' $_rip_kw_ip_sr_hmac_set
        fi
        return
    fi

    if [[ $obj == addrlabel ]]; then
        # add and del read one table; device names after "dev".
        case $prev in
            dev) _rip_ifnames; return ;;
            prefix|label) return ;;
        esac
        case $cmd in
            add|delete) printf '%s\n' $_rip_kw_ip_addrlabel_add ;;
        esac
        return
    fi

    if [[ $obj == maddress ]]; then
        # Device names after "dev" (and as show's bare word).
        case $prev in
            dev) _rip_ifnames; return ;;
        esac
        case $cmd in
            add|delete) printf '%s\n' $_rip_kw_ip_maddress_add ;;
            show) printf '%s\n' $_rip_kw_ip_maddress_show; _rip_ifnames ;;
        esac
        return
    fi

    if [[ $obj == tuntap || $obj == tap ]]; then
        # add and del read one table; the tunnel modes after "mode"; a
        # device name after "dev" or "name" (existing ones for del).
        case $prev in
            mode) printf '%s\n' $_rip_kw_ip_tuntap_add_mode; return ;;
            dev|name) [[ $cmd == delete ]] && _rip_ifnames; return ;;
            user|group) return ;;
        esac
        case $cmd in
            add|delete) printf '%s\n' $_rip_kw_ip_tuntap_add ;;
        esac
        return
    fi

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
                [[ $cmd == set ]] && (( n == first + 1 )) && printf '%s\n' $_rip_kw_ip_netns_set
                return ;;
            list-id)
                (( n == first || n == first + 2 )) && printf '%s\n' $_rip_kw_ip_netns_list_id
                return ;;
        esac
        return
    fi

    # The kind after "type" switches the keyword set; veth's "peer" switches
    # back to the link keywords. "vf", "xdp", "encap TYPE" and "nexthop"
    # open nested levels with tables of their own.
    local kind= j vf=0 vfvlan=0 xdp=0 encap=0 etype= nh=0
    for (( j = i; j < n; j++ )); do
        case ${w[j]} in
            vf) vf=1 ;;
            vlan) (( vf )) && vfvlan=1 ;;
            xdp|xdpgeneric|xdpdrv|xdpoffload) xdp=1 ;;
            encap) encap=1; (( j + 1 < n )) && etype=$(_rip_resolve "${w[j+1]}" "$_rip_kw_ip_route_add_encap") ;;
            nexthop) nh=1 ;;
        esac
        if [[ ${w[j]} == ty || ${w[j]} == typ || ${w[j]} == type ]] && (( j + 1 < n )); then kind=${w[j+1]}; fi
        if [[ $kind == veth && ${w[j]} == peer ]]; then kind=; fi
    done
    if [[ -n $prev ]] && _rip_ip_value "$prev" "$obj" "$cmd" "$kind"; then
        return
    fi
    case $obj/$cmd in
        # add and delete parse with set's table (iplink_parse).
        link/add|link/replace|link/delete)
            case $kind in
                '') printf '%s\n' $_rip_kw_ip_link_set; [[ $cmd == delete ]] && _rip_ifnames ;;
                *) _rip_kind_words "$kind" ;;
            esac ;;
        link/set)
            (( vf )) && _rip_kw ip_link_set_vf
            (( vfvlan )) && _rip_kw ip_link_set_vf_vlan
            (( xdp )) && _rip_kw ip_link_set_xdp_object
            case $kind in
                '') printf '%s\n' $_rip_kw_ip_link_set; _rip_ifnames ;;
                *) _rip_kind_words "$kind" ;;
            esac ;;
        # ip link show reads the address listing's selectors.
        link/show) printf '%s\n' $_rip_kw_ip_address_show; _rip_ifnames ;;
        link/xstats) _rip_kw "ip_link_xstats_type_$kind" || printf '%s\n' $_rip_kw_ip_link_xstats ;;
        link/afstats) printf '%s\n' $_rip_kw_ip_link_afstats ;;
        link/property) printf '%s\n' $_rip_kw_ip_link_property $_rip_kw_ip_link_property_add ;;
        link/help) printf '%s\n' $_rip_kw_ip_link_type ;;
        address/add|address/set|address/replace|address/delete) printf '%s\n' $_rip_kw_ip_address_add ;;
        address/show|address/flush|address/save) printf '%s\n' $_rip_kw_ip_address_show; _rip_ifnames ;;
        route/add|route/set|route/replace|route/prepend|route/append|route/test|route/delete)
            (( encap )) && _rip_kw "ip_route_add_encap_$etype"
            # After "nexthop" only nexthops follow; a route type may go anywhere else.
            if (( nh )); then printf '%s\n' $_rip_kw_ip_route_add_nexthop nexthop
            else printf '%s\n' $_rip_kw_ip_route_add $_rip_kw_ip_route_add_TYPE; fi ;;
        route/show|route/flush|route/save) printf '%s\n' $_rip_kw_ip_route_show $_rip_kw_ip_route_show_to ;;
        route/get) printf '%s\n' $_rip_kw_ip_route_get ;;
        rule/add|rule/delete) printf '%s\n' $_rip_kw_ip_rule_add $_rip_kw_ip_rule_add_type ;;
        rule/show|rule/flush) printf '%s\n' $_rip_kw_ip_rule_show ;;
    esac
}

# The options after "type KIND": kinds that share a parser share its table,
# named after the first of them (src/linkinfo/kinds KINDS), so the others
# map to it here. Kinds without options have no table and offer nothing.
_rip_kind_words() {
    local t=$1
    case $1 in
        macvtap) t=macvlan ;;
        ipvtap) t=ipvlan ;;
        vxcan) t=veth ;;
        sit) t=ipip ;;
        gretap|erspan) t=gre ;;
        vti6) t=vti ;;
        ip6gretap|ip6erspan) t=ip6gre ;;
    esac
    _rip_kw "ip_link_type_$t"
}

# bridge fdb flush matches its words in code, with no table yet (ship.rs
# PENDING); so does bridge fdb get (its words pass as other levels' words).
_rip_bridge_fdb_flush="dev brport vlan self master permanent nopermanent static nostatic dynamic nodynamic added_by_user noadded_by_user extern_learn noextern_learn sticky nosticky offloaded nooffloaded"
_rip_bridge_fdb_get="to br brport dev vlan vni self master dynamic"

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
                        # bridge's -family matches these in code (no table).
                        *) printf '%s\n' inet inet6 ;;
                    esac
                    return
                fi
                i=$((i + 2)) ;;
            *) i=$((i + 1)) ;;
        esac
    done
    if (( i == n )); then
        if [[ $cur == -* ]]; then printf '%s\n' $_rip_kw_bridge_OPTIONS
        else printf '%s\n' $_rip_kw_bridge; fi
        return
    fi
    local obj cmds
    obj=$(_rip_resolve "${w[i]}" "$_rip_kw_bridge") || return
    case $obj in
        link) cmds=$_rip_kw_bridge_link ;;
        fdb) cmds=$_rip_kw_bridge_fdb ;;
        mdb) cmds=$_rip_kw_bridge_mdb ;;
        vlan) cmds=$_rip_kw_bridge_vlan ;;
        vni) cmds=$_rip_kw_bridge_vni ;;
        monitor) cmds=$_rip_kw_bridge_monitor ;;
        *) return ;;
    esac
    i=$((i + 1))
    if (( i == n )); then printf '%s\n' $cmds; return; fi
    local cmd
    cmd=$(_rip_resolve "${w[i]}" "$cmds") || return
    case $cmd in lst|list) cmd=show ;; change) cmd=set ;; esac
    # vlan global has commands of its own.
    local sub=
    if [[ $obj/$cmd == vlan/global ]]; then
        (( i + 1 == n )) && { printf '%s\n' $_rip_kw_bridge_vlan_global; return; }
        sub=$(_rip_resolve "${w[i+1]}" "$_rip_kw_bridge_vlan_global")
        case $sub in lst|list) sub=show ;; esac
    fi
    local prev=${w[n-1]}
    case $prev in
        dev|backup_port|br|brport|via) _rip_ifnames; return ;;
        port) [[ $obj == mdb ]] && _rip_ifnames; return ;;
        state)
            if [[ $obj == fdb ]]; then printf '%s\n' permanent static dynamic reachable stale
            else printf '%s\n' disabled listening learning forwarding blocking; fi
            return ;;
        hwmode) printf '%s\n' vepa veb; return ;;
        file) echo @file; return ;;
        # bridge vlan's tunnel_info reads "id" in code (its only word).
        tunnel_info) echo id; return ;;
        cost|priority|mcast_router|vid|vlan|vni|src_vni|dst|nhid|grp|src|id|group|remote|to) return ;;
    esac
    if [[ $obj == link && " $_rip_onoff_words " == *" $prev "* ]] && (( n - 1 > i )); then
        printf '%s\n' on off
        return
    fi
    case $obj/$cmd in
        link/set) printf '%s\n' $_rip_kw_bridge_link_set ;;
        link/*) printf '%s\n' $_rip_kw_bridge_link_show ;;
        fdb/add|fdb/append|fdb/replace|fdb/delete) printf '%s\n' $_rip_kw_bridge_fdb_add ;;
        fdb/get) printf '%s\n' $_rip_bridge_fdb_get ;;
        fdb/flush) printf '%s\n' $_rip_bridge_fdb_flush ;;
        fdb/*) printf '%s\n' $_rip_kw_bridge_fdb_show ;;
        mdb/add|mdb/delete) printf '%s\n' $_rip_kw_bridge_mdb_add ;;
        mdb/*) printf '%s\n' $_rip_kw_bridge_mdb_show ;;
        vlan/add|vlan/delete) printf '%s\n' $_rip_kw_bridge_vlan_add ;;
        vlan/set) printf '%s\n' $_rip_kw_bridge_vlan_set ;;
        vlan/tunnelshow) printf '%s\n' $_rip_kw_bridge_vlan_tunnelshow ;;
        vlan/global) [[ -n $sub ]] && _rip_kw "bridge_vlan_global_$sub" ;;
        vlan/*) printf '%s\n' $_rip_kw_bridge_vlan_show ;;
        vni/add|vni/delete) printf '%s\n' $_rip_kw_bridge_vni_add ;;
        vni/*) printf '%s\n' $_rip_kw_bridge_vni_show ;;
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
        -*) printf '%s\n' $_rip_kw_sysctl_OPTIONS; return ;;
        *=*) return ;;
    esac
    _rip_sysctl_keys "$cur"
}

# Bridges: the devices of /sys/class/net with a bridge/ directory.
_rip_bridges() {
    local d=${RIP_COMP_SYSFS_NET:-/sys/class/net} f
    for f in "$d"/*; do
        [[ -d $f/bridge ]] && printf '%s\n' "${f##*/}"
    done
}

# The ports of bridge $1 (its brif/ directory).
_rip_bridge_ports() {
    local d=${RIP_COMP_SYSFS_NET:-/sys/class/net} f
    for f in "$d/$1"/brif/*; do
        [[ -e $f || -L $f ]] && printf '%s\n' "${f##*/}"
    done
}

# brctl: options anywhere (getopt), the command (exact names), then a
# bridge, ports or devices, and the on/off words.
_rip_brctl_candidates() {
    local -a w=("$@") args=()
    local n=$(( ${#w[@]} - 1 )) cur=${w[-1]} i
    if [[ $cur == -* ]]; then
        printf '%s\n' $_rip_kw_brctl_OPTIONS
        return
    fi
    for (( i = 0; i < n; i++ )); do
        [[ ${w[i]} == -* ]] || args+=("${w[i]}")
    done
    if (( ${#args[@]} == 0 )); then
        printf '%s\n' $_rip_kw_brctl
        return
    fi
    local k=${#args[@]}
    case ${args[0]}/$k in
        addbr/*) return ;;
        show/*|*/1) _rip_bridges ;;
        addif/*) _rip_ifnames ;;
        delif/*) _rip_bridge_ports "${args[1]}" ;;
        hairpin/2|setpathcost/2|setportprio/2) _rip_bridge_ports "${args[1]}" ;;
        hairpin/3|stp/2) printf '%s\n' $_rip_kw_brctl_stp_BRIDGE ;;
    esac
}

# net-tools ifconfig: options, then an interface, then its settings.
_rip_ifconfig_candidates() {
    local -a w=("$@")
    local cur=${w[-1]} i=0 iface=
    while (( i < ${#w[@]} - 1 )); do
        [[ ${w[i]} != -* ]] && { iface=${w[i]}; break; }
        (( i++ ))
    done
    if [[ -z $iface ]]; then
        case $cur in
            -*) printf '%s\n' $_rip_kw_ifconfig_OPTIONS ;;
            *) _rip_ifnames ;;
        esac
        return
    fi
    printf '%s\n' $_rip_kw_ifconfig_SETTINGS inet inet6
}

# net-tools route: options and commands, then a route's words.
_rip_route_candidates() {
    local -a w=("$@")
    local n=$(( ${#w[@]} - 1 )) cur=${w[-1]} prev= cmd= i=0
    (( n > 0 )) && prev=${w[n-1]}
    while (( i < n )); do
        case ${w[i]} in add|del|delete|flush) cmd=${w[i]}; break ;; esac
        (( i++ ))
    done
    case $prev in
        -A|--protocol) printf '%s\n' inet inet6; return ;;
        dev|device) _rip_ifnames; return ;;
    esac
    if [[ -z $cmd ]]; then
        case $cur in
            -*) printf '%s\n' $_rip_kw_route_OPTIONS ;;
            *) printf '%s\n' $_rip_kw_route_COMMANDS ;;
        esac
        return
    fi
    printf '%s\n' $_rip_kw_route_add
}

# <<< shared with _rip

# Entry point: the tool is chosen by the command's name, as rip does it.
_rip_complete() {
    local tool=${COMP_WORDS[0]##*/}
    local -a words=("${COMP_WORDS[@]:1:COMP_CWORD}")
    local cur=${COMP_WORDS[COMP_CWORD]}
    if [[ $tool == rip ]]; then
        if (( COMP_CWORD == 1 )) && [[ $cur != -* ]]; then
            COMPREPLY=($(compgen -W "$_rip_ip_offered bridge sysctl brctl ifconfig install-links" -- "$cur"))
            return
        fi
        case ${COMP_WORDS[1]} in
            bridge|sysctl|brctl|ifconfig) tool=${COMP_WORDS[1]}; words=("${words[@]:1}") ;;
            install-links) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        esac
    fi
    local out
    case $tool in
        bridge) out=$(_rip_bridge_candidates "${words[@]}") ;;
        sysctl) out=$(_rip_sysctl_candidates "${words[@]}") ;;
        brctl) out=$(_rip_brctl_candidates "${words[@]}") ;;
        ifconfig) out=$(_rip_ifconfig_candidates "${words[@]}") ;;
        route) out=$(_rip_route_candidates "${words[@]}") ;;
        *) out=$(_rip_ip_candidates "${words[@]}") ;;
    esac
    case $out in
        @file) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        @cmd) COMPREPLY=($(compgen -c -- "$cur")); return ;;
        @args\ *)
            # The command after "exec NAME" completes its own arguments:
            # rip's own names here, others through bash-completion if loaded.
            local at=$(( ${out#@args } + 1 ))
            case ${COMP_WORDS[at]##*/} in
                rip|ip|bridge|sysctl|brctl|ifconfig)
                    COMP_WORDS=("${COMP_WORDS[@]:at}")
                    COMP_CWORD=$(( COMP_CWORD - at ))
                    _rip_complete
                    return ;;
            esac
            if declare -F _command_offset >/dev/null; then
                _command_offset "$at"
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

complete -F _rip_complete rip ip bridge sysctl brctl ifconfig route
