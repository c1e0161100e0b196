# fish completion for rip and the names it answers to: ip, bridge, sysctl, brctl, ifconfig, route.
#
# Install: copy to ~/.config/fish/completions/ (or the vendor completions
# directory) as rip.fish, ip.fish, bridge.fish, sysctl.fish and brctl.fish, or source it.
# Words may be abbreviated as ip allows ("ip l s" is link set); the logic
# follows rip.bash. Live values come from /sys/class/net, /run/netns,
# /etc/iproute2/rt_tables and /proc/sys (override with RIP_COMP_SYSFS_NET,
# RIP_COMP_NETNS_DIR, RIP_COMP_RT_TABLES, RIP_COMP_PROC_SYS); no program
# is run.

# >>> generated from the keyword tables (src/args/keywords.rs): RIP_BLESS=1 cargo test --test ship
set -g __rip_kw_ip_OPTIONS -loops -family -4 -6 -0 -M -B -human -human-readable -iec -stats -statistics -details -resolve -oneline -timestamp -tshort -Version -force -batch -brief -json -pretty -rcvbuf -color -help -netns -Numeric -all -echo
set -g __rip_kw_ip_OPTIONS__family inet inet6 link mpls bridge help
set -g __rip_kw_ip address addrlabel maddress route rule neighbor neighbour ntable ntbl link l2tp fou ila macsec tunnel tunl tuntap tap token tcpmetrics tcp_metrics monitor xfrm mroute mrule netns netconf vrf sr nexthop mptcp ioam help stats
set -g __rip_kw_ip_address add change chg replace delete list show lst flush save showdump restore help
set -g __rip_kw_ip_address_add peer remote broadcast brd anycast scope dev label metric priority preference valid_lft preferred_lft secondary temporary nodad optimistic dadfailed home deprecated tentative permanent mngtmpaddr noprefixroute autojoin stable-privacy local help
set -g __rip_kw_ip_address_show to scope up dynamic primary secondary temporary nodad optimistic dadfailed home deprecated tentative permanent mngtmpaddr noprefixroute autojoin stable-privacy label group master vrf nomaster type dev help
set -g __rip_kw_ip_addrlabel list lst show add delete flush help
set -g __rip_kw_ip_addrlabel_add prefix dev label
set -g __rip_kw_ip_maddress add delete list show lst help
set -g __rip_kw_ip_maddress_add dev address help
set -g __rip_kw_ip_maddress_show dev help
set -g __rip_kw_ip_route add change chg replace prepend append test delete list show lst get flush save restore showdump help
set -g __rip_kw_ip_route_show table vrf cached cloned tos dsfield protocol scope type dev oif iif mark metric priority preference via src realms from to
set -g __rip_kw_ip_route_show_to root match exact
set -g __rip_kw_ip_route_show_table all cache help
set -g __rip_kw_ip_route_add src as via from tos dsfield expires metric priority preference scope mtu hoplimit advmss reordering rtt rto_min window cwnd initcwnd initrwnd features quickack congctl rttvar ssthresh realms onlink nexthop nhid protocol table vrf dev oif pref encap ttl-propagate fastopen_no_cookie to help
set -g __rip_kw_ip_route_add_nexthop via dev weight onlink realms encap as
set -g __rip_kw_ip_route_add_TYPE local nat broadcast brd anycast multicast prohibit unreachable blackhole unicast throw
set -g __rip_kw_ip_route_add_pref low medium high
set -g __rip_kw_ip_route_add_ttl_propagate enabled disabled
set -g __rip_kw_ip_route_add_METRIC lock
set -g __rip_kw_ip_route_add_features ecn
set -g __rip_kw_ip_route_get tos dsfield from iif mark oif dev notify connected vrf uid fibmatch as sport dport ipproto to help
set -g __rip_kw_ip_route_add_encap mpls ip ip6 ila bpf seg6 seg6local rpl ioam6 xfrm help
set -g __rip_kw_ip_route_add_encap_mpls ttl
set -g __rip_kw_ip_route_add_encap_ip id dst src tos ttl key csum seq geneve_opts vxlan_opts erspan_opts
set -g __rip_kw_ip_route_add_encap_ip6 id dst src tc hoplimit key csum seq geneve_opts vxlan_opts erspan_opts
set -g __rip_kw_ip_route_add_encap_seg6 mode segs hmac
set -g __rip_kw_ip_route_add_encap_seg6_mode inline encap l2encap encap.red l2encap.red
set -g __rip_kw_ip_route_add_encap_seg6local action table vrftable nh4 nh6 iif oif count srh flavors endpoint
set -g __rip_kw_ip_route_add_encap_seg6local_flavors psp usp usd next-csid
set -g __rip_kw_ip_route_add_encap_seg6local_next_csid lblen nflen
set -g __rip_kw_ip_route_add_encap_rpl segs
set -g __rip_kw_ip_route_add_encap_ioam6 freq mode tundst trace prealloc type ns size
set -g __rip_kw_ip_route_add_encap_ioam6_mode inline encap auto
set -g __rip_kw_ip_route_add_encap_ila csum-mode ident-type hook-type
set -g __rip_kw_ip_route_add_encap_ila_csum_mode adj-transport neutral-map neutral-map-auto no-action
set -g __rip_kw_ip_route_add_encap_ila_ident_type luid use-format
set -g __rip_kw_ip_route_add_encap_ila_hook_type output input
set -g __rip_kw_ip_route_add_encap_xfrm if_id link_dev help
set -g __rip_kw_ip_rule list lst show save restore add delete flush help
set -g __rip_kw_ip_rule_show preference order priority not tos dsfield fwmark dev iif oif l3mdev uidrange tun_id lookup table from src protocol ipproto sport dport dst to
set -g __rip_kw_ip_rule_add not from to preference order priority tos dsfield fwmark realms protocol tun_id table lookup suppress_prefixlength sup_pl suppress_ifgroup sup_group dev iif oif l3mdev uidrange nat map-to ipproto sport dport type
set -g __rip_kw_ip_rule_add_type help goto nop unicast local broadcast anycast multicast blackhole unreachable prohibit throw nat xresolve
set -g __rip_kw_ip_neigh add change chg replace delete get show lst list flush help
set -g __rip_kw_ip_neigh_add lladdr nud proxy router use managed extern_learn dev protocol to help
set -g __rip_kw_ip_neigh_show dev master vrf nomaster unused nud proxy protocol to help
set -g __rip_kw_ip_neigh_get dev proxy to help
set -g __rip_kw_ip_neigh_nud permanent reachable noarp none stale incomplete delay probe failed all
set -g __rip_kw_ip_ntable change chg show lst list help
set -g __rip_kw_ip_ntable_change name thresh1 thresh2 thresh3 gc_int dev base_reachable retrans gc_stale delay_probe queue app_probes ucast_probes mcast_probes anycast_delay proxy_delay proxy_queue locktime
set -g __rip_kw_ip_ntable_show dev name
set -g __rip_kw_ip_link add set change replace delete show lst list xstats afstats property help
set -g __rip_kw_ip_link_set up down name index link address broadcast brd txqueuelen qlen txqlen mtu xdpgeneric xdpdrv xdpoffload xdp netns multicast allmulticast promisc trailers arp carrier vf master vrf nomaster dynamic type alias group mode state numtxqueues numrxqueues addrgenmode link-netns link-netnsid protodown protodown_reason gso_max_size gso_max_segs gro_max_size parentdev help dev
set -g __rip_kw_ip_link_set_mode default dormant
set -g __rip_kw_ip_link_set_addrgenmode eui64 none stable_secret random
set -g __rip_kw_ip_link_set_vf mac vlan rate max_tx_rate min_tx_rate spoofchk query_rss trust state node_guid port_guid
set -g __rip_kw_ip_link_set_vf_vlan qos proto
set -g __rip_kw_ip_link_set_vf_state auto enable disable
set -g __rip_kw_ip_link_set_xdp none off object-file obj object-pinned pinned fd
set -g __rip_kw_ip_link_set_xdp_object section program verbose
set -g __rip_kw_ip_link_xstats type help
set -g __rip_kw_ip_link_xstats_type_bond lacp 802.3ad dev help
set -g __rip_kw_ip_link_afstats dev help
set -g __rip_kw_ip_link_property add del help
set -g __rip_kw_ip_link_property_add altname help dev
set -g __rip_kw_ip_tuntap add delete show lst list help
set -g __rip_kw_ip_tuntap_add mode user group pi one_queue vnet_hdr multi_queue dev name help
set -g __rip_kw_ip_tuntap_add_mode tun tap
set -g __rip_kw_ip_token list lst show set add delete get help
set -g __rip_kw_ip_token_set dev help
set -g __rip_kw_ip_token_list dev
set -g __rip_kw_ip_tcp_metrics list lst show delete remove flush help
set -g __rip_kw_ip_tcp_metrics_show src source addr address help
set -g __rip_kw_ip_mroute list show lst help
set -g __rip_kw_ip_mroute_show table iif from to help
set -g __rip_kw_ip_mroute_show_table all help
set -g __rip_kw_ip_l2tp help add delete show lst list
set -g __rip_kw_ip_l2tp_add encap name remote local tunnel_id tid peer_tunnel_id ptid session_id sid peer_session_id psid udp_sport udp_dport udp_csum udp6_csum_rx udp6_csum_tx offset peer_offset cookie peer_cookie l2spec_type seq tunnel session help
set -g __rip_kw_ip_l2tp_VALUE ip udp default none both recv send
set -g __rip_kw_ip_fou help add delete show
set -g __rip_kw_ip_fou_add port ipproto gue -6 local peer peer_port dev
set -g __rip_kw_ip_ila help add delete list
set -g __rip_kw_ip_ila_add loc loc_match csum-mode ident-type dev
set -g __rip_kw_ip_macsec help show add set delete offload
set -g __rip_kw_ip_macsec_add_tx_sa pn xpn salt ssci key on off
set -g __rip_kw_ip_macsec_add tx rx sa sci port address off phy mac
set -g __rip_kw_ip_tunnel add change delete show lst list prl 6rd help
set -g __rip_kw_ip_tunnel_add mode key ikey okey seq iseq oseq csum icsum ocsum nopmtudisc pmtudisc remote local dev ttl hoplimit hlim tos tclass dsfield name help
set -g __rip_kw_ip_tunnel_mode ipip ip/ip gre gre/ip sit ipv6/ip isatap vti
set -g __rip_kw_ip_tunnel_prl prl-default prl-nodefault prl-delete dev
set -g __rip_kw_ip_tunnel_6rd 6rd-prefix 6rd-relay_prefix 6rd-reset dev
set -g __rip_kw_ip__6_tunnel_add mode remote local dev encaplimit hoplimit ttl hlim tclass tc tos dsfield flowlabel fl dscp allow-localremote noallow-localremote key ikey okey seq iseq oseq csum icsum ocsum name help
set -g __rip_kw_ip__6_tunnel_mode ipv6/ipv6 ip6ip6 vti6 ip/ipv6 ipv4/ipv6 ipip6 ip4ip6 ip6gre gre/ipv6 any/ipv6 any
set -g __rip_kw_ip_xfrm state sa policy monitor help
set -g __rip_kw_ip_xfrm_policy add update delete deleteall delall list show lst get flush count set setdefault getdefault help
set -g __rip_kw_ip_xfrm_policy_add dir ctx mark index ptype action priority flag limit tmpl if_id nosock hthresh4 hthresh6 in out fwd
set -g __rip_kw_ip_xfrm_policy_VALUE in out fwd main sub allow block localok icmp mask accept
set -g __rip_kw_ip_xfrm_state add update allocspi delete deleteall delall list show lst get flush count help
set -g __rip_kw_ip_xfrm_state_add nokeys mode mark reqid seq replay-window replay-seq replay-seq-hi replay-oseq replay-oseq-hi flag extra-flag sel limit encap coa ctx offload output-mark if_id tfcpad min max
set -g __rip_kw_ip_xfrm_state_ALGO enc auth comp aead auth-trunc
set -g __rip_kw_ip_xfrm_state_encap espinudp-nonike espinudp espintcp
set -g __rip_kw_ip_xfrm_state_VALUE noecn decap-dscp nopmtudisc wildrecv icmp af-unspec align4 esn dont-encap-dscp oseq-may-wrap dev dir in out mask
set -g __rip_kw_ip_xfrm_monitor file nokeys all all-nsid acquire expire SA aevent policy report help
set -g __rip_kw_ip_xfrm_SELECTOR src dst dev
set -g __rip_kw_ip_xfrm_UPSPEC proto sport dport type code key
set -g __rip_kw_ip_xfrm_ID src dst proto spi
set -g __rip_kw_ip_xfrm_policy_tmpl mode reqid level required use none any
set -g __rip_kw_ip_xfrm_limit time-soft time-hard time-use-soft time-use-hard byte-soft byte-hard packet-soft packet-hard
set -g __rip_kw_ip_xfrm_XFRM_PROTO esp ah comp route2 hao ipsec-any
set -g __rip_kw_ip_xfrm_MODE transport tunnel ro in_trigger beet
set -g __rip_kw_ip_link_type veth bridge bridge_slave macvlan macvtap ipvlan ipvtap vxlan tun vlan vrf vrf_slave bond bond_slave geneve ipip sit gre gretap erspan vti vti6 xfrm ip6tnl ip6gre ip6gretap ip6erspan bareudp amt hsr gtp ipoib macsec can dummy ifb nlmon vcan netdevsim team team_slave virt_wifi batadv dsa rmnet vxcan wwan
set -g __rip_kw_ip_link_type_veth peer
set -g __rip_kw_ip_link_type_bridge forward_delay hello_time max_age ageing_time stp_state priority vlan_filtering vlan_protocol group_fwd_mask group_address no_linklocal_learn fdb_flush vlan_default_pvid vlan_stats_enabled vlan_stats_per_port mcast_router mcast_snooping mcast_vlan_snooping mcast_query_use_ifaddr mcast_querier mcast_hash_elasticity mcast_hash_max mcast_last_member_count mcast_startup_query_count mcast_last_member_interval mcast_membership_interval mcast_querier_interval mcast_query_interval mcast_query_response_interval mcast_startup_query_interval mcast_stats_enabled mcast_igmp_version mcast_mld_version nf_call_iptables nf_call_ip6tables nf_call_arptables help
set -g __rip_kw_ip_link_type_bridge_slave fdb_flush state priority cost hairpin guard root_block fastleave learning flood mcast_flood bcast_flood mcast_to_unicast proxy_arp proxy_arp_wifi mcast_router mcast_fast_leave neigh_suppress group_fwd_mask vlan_tunnel isolated locked backup_port nobackup_port help
set -g __rip_kw_ip_link_type_macvlan mode flag macaddr nopromisc nodst bcqueuelen help
set -g __rip_kw_ip_link_type_macvlan_mode private vepa bridge passthru source
set -g __rip_kw_ip_link_type_macvlan_flag nopromisc nodst null
set -g __rip_kw_ip_link_type_ipvlan mode private vepa bridge help
set -g __rip_kw_ip_link_type_ipvlan_mode l2 l3 l3s
set -g __rip_kw_ip_link_type_vxlan id vni group remote local dev ttl hoplimit tos dsfield df label flowlabel ageing maxaddress port srcport dstport nolearning learning noproxy proxy norsc rsc nol2miss l2miss nol3miss l3miss udpcsum noudpcsum udp6zerocsumtx noudp6zerocsumtx udp6zerocsumrx noudp6zerocsumrx remcsumtx noremcsumtx remcsumrx noremcsumrx external noexternal gbp gpe vnifilter novnifilter help
set -g __rip_kw_ip_link_type_vlan protocol id reorder_hdr gvrp mvrp loose_binding bridge_binding ingress-qos-map egress-qos-map help
set -g __rip_kw_ip_link_type_vrf table help
set -g __rip_kw_ip_link_type_bond mode active_slave clear_active_slave miimon updelay downdelay peer_notify_delay use_carrier arp_interval arp_ip_target ns_ip6_target arp_validate arp_all_targets arp_missed_max primary primary_reselect fail_over_mac xmit_hash_policy resend_igmp num_grat_arp num_unsol_na all_slaves_active min_links lp_interval packets_per_slave lacp_rate lacp_active ad_select ad_user_port_key ad_actor_sys_prio ad_actor_system tlb_dynamic_lb help
set -g __rip_kw_ip_link_type_bond_slave queue_id prio help
set -g __rip_kw_ip_link_type_bond_mode balance-rr active-backup balance-xor broadcast 802.3ad balance-tlb balance-alb
set -g __rip_kw_ip_link_type_bond_arp_validate none active backup all filter filter_active filter_backup
set -g __rip_kw_ip_link_type_bond_arp_all_targets any all
set -g __rip_kw_ip_link_type_bond_primary_reselect always better failure
set -g __rip_kw_ip_link_type_bond_fail_over_mac none active follow
set -g __rip_kw_ip_link_type_bond_xmit_hash_policy layer2 layer3+4 layer2+3 encap2+3 encap3+4 vlan+srcmac
set -g __rip_kw_ip_link_type_bond_lacp_active off on
set -g __rip_kw_ip_link_type_bond_lacp_rate slow fast
set -g __rip_kw_ip_link_type_bond_ad_select stable bandwidth count
set -g __rip_kw_ip_link_type_geneve id vni remote ttl hoplimit tos dsfield df label flowlabel dstport external noexternal udpcsum noudpcsum udp6zerocsumtx noudp6zerocsumtx udp6zerocsumrx noudp6zerocsumrx innerprotoinherit help
set -g __rip_kw_ip_link_type_ipip mode remote local ttl hoplimit hlim tos tclass tc nopmtudisc pmtudisc isatap noencap encap encap-sport encap-dport encap-csum noencap-csum encap-udp6-csum noencap-udp6-csum encap-remcsum noencap-remcsum external 6rd-prefix 6rd-relay_prefix 6rd-reset fwmark dev dsfield
set -g __rip_kw_ip_link_type_ipip_mode ipv6/ipv4 ip6ip ipv4/ipv4 ipip ip4ip4 mpls/ipv4 mplsip any/ipv4 any
set -g __rip_kw_ip_link_type_ipip_encap fou gue none
set -g __rip_kw_ip_link_type_gre key nokey ikey noikey okey nookey seq noseq iseq noiseq oseq nooseq csum nocsum icsum noicsum ocsum noocsum nopmtudisc pmtudisc remote local dev ttl hoplimit hlim tos tclass dsfield noencap encap encap-sport encap-dport encap-csum noencap-csum encap-udp6-csum noencap-udp6-csum encap-remcsum noencap-remcsum external ignore-df noignore-df fwmark erspan erspan_ver erspan_dir erspan_hwid
set -g __rip_kw_ip_link_type_erspan_erspan_dir ingress egress
set -g __rip_kw_ip_link_type_vti key ikey okey remote local dev fwmark
set -g __rip_kw_ip_link_type_xfrm dev if_id external
set -g __rip_kw_ip_link_type_ip6tnl mode remote local dev tos tclass tc dsfield flowlabel fl dscp fwmark allow-localremote noallow-localremote noencap encap encap-sport encap-dport encap-csum noencap-csum encap-udp6-csum noencap-udp6-csum encap-remcsum noencap-remcsum ttl hoplimit hlim encaplimit external
set -g __rip_kw_ip_link_type_ip6tnl_mode ipv6/ipv6 ip6ip6 ip/ipv6 ipv4/ipv6 ipip6 ip4ip6 any/ipv6 any
set -g __rip_kw_ip_link_type_ip6gre key nokey ikey noikey okey nookey seq noseq iseq noiseq oseq nooseq csum nocsum icsum noicsum ocsum noocsum remote local dev ttl hoplimit hlim tos tclass dsfield flowlabel fl dscp fwmark allow-localremote noallow-localremote external encaplimit erspan erspan_ver erspan_dir erspan_hwid noencap encap encap-sport encap-dport encap-csum noencap-csum encap-udp6-csum noencap-udp6-csum encap-remcsum noencap-remcsum
set -g __rip_kw_ip_link_type_bareudp dstport ethertype srcportmin multiproto nomultiproto help
set -g __rip_kw_ip_link_type_amt mode relay_port gateway_port max_tunnels dev local discovery help
set -g __rip_kw_ip_link_type_amt_mode gateway relay
set -g __rip_kw_ip_link_type_hsr supervision version proto slave1 slave2 help
set -g __rip_kw_ip_link_type_gtp role hsize restart_count help
set -g __rip_kw_ip_link_type_gtp_role sgsn ggsn
set -g __rip_kw_ip_link_type_ipoib pkey mode umcast help
set -g __rip_kw_ip_link_type_ipoib_mode datagram connected
set -g __rip_kw_ip_link_type_macsec sci port address cipher icvlen encrypt send_sci end_station scb protect replay window validate encodingsa offload
set -g __rip_kw_ip_link_type_macsec_cipher default gcm-aes-128 GCM-AES-128 gcm-aes-256 GCM-AES-256 gcm-aes-xpn-128 GCM-AES-XPN-128 gcm-aes-xpn-256 GCM-AES-XPN-256
set -g __rip_kw_ip_link_type_macsec_validate disabled check strict
set -g __rip_kw_ip_link_type_macsec_offload off phy mac
set -g __rip_kw_ip_link_type_can bitrate sample-point tq prop-seg phase-seg1 phase-seg2 sjw dbitrate dsample-point dtq dprop-seg dphase-seg1 dphase-seg2 dsjw tdcv tdco tdcf loopback listen-only triple-sampling one-shot berr-reporting fd fd-non-iso presume-ack cc-len8-dlc tdc-mode restart restart-ms termination help
set -g __rip_kw_ip_link_type_can_tdc_mode auto manual off
set -g __rip_kw_ip_link_type_batadv ra help
set -g __rip_kw_ip_link_type_dsa conduit master help
set -g __rip_kw_ip_link_type_rmnet mux_id help
set -g __rip_kw_ip_link_type_wwan linkid help
set -g __rip_kw_ip_link_xstats_type_bridge igmp mcast stp dev help
set -g __rip_kw_ip_monitor file label link address route mroute prefix neigh netconf rule nsid nexthop stats all all-nsid help dev
set -g __rip_kw_ip_netns list show lst list-id help add set delete identify pids exec monitor attach
set -g __rip_kw_ip_netns_list_id target-nsid nsid
set -g __rip_kw_ip_netns_set auto
set -g __rip_kw_ip_netconf show lst list help
set -g __rip_kw_ip_netconf_show dev
set -g __rip_kw_ip_nexthop add replace delete list show lst get flush bucket help
set -g __rip_kw_ip_nexthop_add id dev via encap blackhole fdb onlink group type protocol help
set -g __rip_kw_ip_nexthop_add_type mpath resilient
set -g __rip_kw_ip_nexthop_add_type_resilient buckets idle_timer unbalanced_timer
set -g __rip_kw_ip_nexthop_list dev groups master vrf id protocol fdb help
set -g __rip_kw_ip_nexthop_bucket list show lst get help
set -g __rip_kw_ip_nexthop_bucket_list dev master vrf id nhid help
set -g __rip_kw_ip_nexthop_get id index
set -g __rip_kw_ip_stats help show set
set -g __rip_kw_ip_stats_show dev help group subgroup suite
set -g __rip_kw_ip_stats_set dev l3_stats help
set -g __rip_kw_ip_stats_show_group link xstats xstats_slave offload afstats
set -g __rip_kw_ip_stats_show_subgroup bridge bond cpu_hit hw_stats_info l3_stats mpls
set -g __rip_kw_ip_stats_show_suite stp mcast 802.3ad
set -g __rip_kw_ip_vrf identify pids exec show lst list help
set -g __rip_kw_ip_mptcp help endpoint limits monitor
set -g __rip_kw_ip_mptcp_endpoint add change delete show flush
set -g __rip_kw_ip_mptcp_limits set show
set -g __rip_kw_ip_mptcp_endpoint_add signal subflow backup fullmesh nobackup nofullmesh id dev port
set -g __rip_kw_ip_mptcp_limits_set subflows add_addr_accepted
set -g __rip_kw_ip_ioam help namespace schema
set -g __rip_kw_ip_ioam_namespace show add del set
set -g __rip_kw_ip_ioam_schema show add del
set -g __rip_kw_ip_ioam_namespace_add data wide
set -g __rip_kw_ip_ioam_namespace_set schema none
set -g __rip_kw_ip_sr help hmac tunsrc
set -g __rip_kw_ip_sr_hmac show set
set -g __rip_kw_ip_sr_hmac_set sha1 sha256
set -g __rip_kw_bridge_OPTIONS -help -Version -stats -statistics -details -oneline -timestamp -family -4 -6 -netns -color -compressvlans -force -json -pretty -batch
set -g __rip_kw_bridge link fdb mdb vlan vni monitor help
set -g __rip_kw_bridge_link set change show lst list help
set -g __rip_kw_bridge_link_set dev guard hairpin fastleave root_block learning learning_sync flood mcast_router mcast_flood bcast_flood mcast_to_unicast cost priority state hwmode self master neigh_suppress vlan_tunnel isolated locked backup_port nobackup_port
set -g __rip_kw_bridge_link_show dev
set -g __rip_kw_bridge_link_set_hwmode vepa veb
set -g __rip_kw_bridge_link_set_state disabled listening learning forwarding blocking
set -g __rip_kw_bridge_fdb add append replace delete get show lst list flush help
set -g __rip_kw_bridge_fdb_add dev dst nhid port vni src_vni via self master router local permanent temp static dynamic vlan use extern_learn sticky to help
set -g __rip_kw_bridge_fdb_show brport dev br vlan state dynamic help
set -g __rip_kw_bridge_fdb_show_state permanent static temp stale reachable dynamic all
set -g __rip_kw_bridge_fdb_get brport dev br vni self master vlan dynamic to help
set -g __rip_kw_bridge_fdb_flush dev master self permanent nopermanent static nostatic dynamic nodynamic brport vlan help added_by_user noadded_by_user extern_learn noextern_learn sticky nosticky offloaded nooffloaded
set -g __rip_kw_bridge_mdb add delete show lst list help
set -g __rip_kw_bridge_mdb_add dev grp port permanent temp vid src help
set -g __rip_kw_bridge_mdb_show dev vid
set -g __rip_kw_bridge_vlan add delete show lst list tunnelshow set global help
set -g __rip_kw_bridge_vlan_add dev vid self master pvid untagged tunnel_info help
set -g __rip_kw_bridge_vlan_show dev vid
set -g __rip_kw_bridge_vlan_tunnelshow dev vid
set -g __rip_kw_bridge_vlan_set dev vid state mcast_router help
set -g __rip_kw_bridge_vlan_global show lst list set
set -g __rip_kw_bridge_vlan_global_show dev vid
set -g __rip_kw_bridge_vlan_global_set dev vid mcast_snooping mcast_querier mcast_igmp_version mcast_mld_version mcast_last_member_count mcast_startup_query_count mcast_last_member_interval mcast_membership_interval mcast_querier_interval mcast_query_interval mcast_query_response_interval mcast_startup_query_interval help
set -g __rip_kw_bridge_vni add delete show lst list help
set -g __rip_kw_bridge_vni_add dev vni group remote help
set -g __rip_kw_bridge_vni_show dev
set -g __rip_kw_bridge_monitor file link fdb mdb vlan vni all help
set -g __rip_kw_sysctl_OPTIONS -a --all -A -X --deprecated --dry-run -b --binary -e --ignore -N --names -n --values -p --load -f --system -r --pattern -q --quiet -w --write -o -x -d -h --help -V --version
set -g __rip_kw_brctl addbr delbr addif delif hairpin setageing setbridgeprio setfd sethello setmaxage setpathcost setportprio show showmacs showstp stp
set -g __rip_kw_brctl_OPTIONS -h --help -V --version
set -g __rip_kw_brctl_stp_BRIDGE on yes 1 off no 0
set -g __rip_kw_ifconfig_OPTIONS -a -s -v -V -version --version -h -help --help
set -g __rip_kw_ifconfig_AF unix inet inet6 ax25 netrom rose ipx ddp ec ash x25 unspec
set -g __rip_kw_ifconfig_SETTINGS arp -arp media port trailers -trailers promisc -promisc multicast -multicast allmulti -allmulti up down dynamic -dynamic mtu keepalive outfill -broadcast broadcast dstaddr netmask txqueuelen name mem_start io_addr irq -pointopoint -pointtopoint pointopoint pointtopoint hw add del tunnel
set -g __rip_kw_ifconfig_hw loop slip cslip slip6 cslip6 adaptive ash ether ax25 netrom rose tunnel ppp hdlc lapb arcnet dlci frad sit fddi hippi irda ec x25 eui64 unspec
set -g __rip_kw_ifconfig_media auto unknown 10base2 bnc coax 10baseT utp tpe AUI thick db15 100baseT 100baseTX 100baseFX
set -g __rip_kw_route_OPTIONS -n --numeric -N --symbolic -v --verbose -e --extend -F --fib -C --cache -A --protocol -4 -6 -h --help -V --version --inet --inet6
set -g __rip_kw_route_AF ax25 ip ip6 ipx rose appletalk netrom inet inet6 ddp unix tcpip econet x25 ash bluetooth ec unspec
set -g __rip_kw_route_COMMANDS add del delete flush
set -g __rip_kw_route_add -net -host default metric netmask gw gateway mss mtu window irtt reject mod dyn reinstate device dev
# <<< generated from the keyword tables
# Keyword lists come from the generated __rip_kw_* block above (one list
# per parser level, named after its table's path); the code below walks the
# words and completes values. The hand-written lists left are values no
# table holds, each with its reason. The logic follows rip.bash.

# The generated list of the table whose variable suffix is $argv[1] (its
# path with non-alphanumerics as _, e.g. ip_link_set); fails when there is
# no such table. The name may hold a typed word (a kind), so it is checked.
function __rip_kw
    string match -qr '^[A-Za-z0-9_]+$' -- "$argv[1]"; or return 1
    set -l v __rip_kw_$argv[1]
    set -q $v; or return 1
    printf '%s\n' $$v
end

# What rip implements of ip's objects (__rip_kw_ip lists them all, in ip's
# order, which decides what an abbreviation means); only these are offered.
set -g __rip_ip_offered address addrlabel maddress route rule neighbor neighbour ntable ntbl link l2tp fou ila macsec tunnel tunl tuntap tap token tcp_metrics tcpmetrics monitor xfrm mroute mrule netns netconf vrf sr nexthop mptcp ioam help stats
# The keywords that take on/off: which keyword takes which value is in the
# parsers' code, not in their tables.
set -g __rip_onoff_words reorder_hdr gvrp mvrp loose_binding bridge_binding arp dynamic multicast allmulticast promisc trailers carrier protodown spoofchk query_rss trust guard hairpin fastleave root_block learning learning_sync flood proxy_arp proxy_arp_wifi mcast_fast_leave mcast_flood bcast_flood mcast_to_unicast neigh_suppress vlan_tunnel isolated locked
# Route protocol and scope names: values the name codecs read (src/names,
# also from /etc/iproute2), not keywords.
set -g __rip_route_protos kernel boot static redirect ra dhcp gated mrt zebra bird babel dnrouted xorp ntk keepalived bgp isis ospf rip eigrp
set -g __rip_scopes host link global site nowhere

# ip's prefix rule: the first of $argv[2..] that $argv[1] is a prefix of.
function __rip_resolve
    set -l word $argv[1]
    test -n "$word"; or return 1
    set -l len (string length -- $word)
    for w in $argv[2..-1]
        if test (string sub -l $len -- $w) = $word
            echo $w
            return 0
        end
    end
    return 1
end

function __rip_ifnames
    set -l d /sys/class/net
    set -q RIP_COMP_SYSFS_NET; and set d $RIP_COMP_SYSFS_NET
    for f in $d/*
        string replace -r '.*/' '' -- $f
    end
end

function __rip_netns_names
    set -l d /run/netns
    set -q RIP_COMP_NETNS_DIR; and set d $RIP_COMP_NETNS_DIR
    for f in $d/*
        string replace -r '.*/' '' -- $f
    end
end

function __rip_tables
    set -l f /etc/iproute2/rt_tables
    set -q RIP_COMP_RT_TABLES; and set f $RIP_COMP_RT_TABLES
    set -l seen main local default all
    printf '%s\n' $seen
    for g in $f $f.d/*.conf
        test -r $g; or continue
        for line in (string match -rv '^\s*(#|$)' < $g)
            set -l name (string split -n -f2 ' ' -- (string replace -a \t ' ' -- $line))
            if test -n "$name"; and not contains -- $name $seen
                set -a seen $name
                echo $name
            end
        end
    end
end

# Keys below the one being typed, one /proc/sys level at a time.
function __rip_sysctl_keys
    set -l root /proc/sys
    set -q RIP_COMP_PROC_SYS; and set root $RIP_COMP_PROC_SYS
    set -l cur $argv[1]
    set -l sep .
    string match -q -- '*/*' $cur; and set sep /
    set -l path (string replace -a . / -- $cur)
    set -l dir ''
    string match -q -- '*/*' $path; and set dir /(string replace -r '/[^/]*$' '' -- $path)
    set -l base (string replace -r '.*/' '' -- $path)
    for f in $root$dir/$base*
        set -l k (string replace -- $root/ '' $f)
        test $sep = .; and set k (string replace -a / . -- $k)
        if test -d $f
            echo $k$sep
        else
            echo $k
        end
    end
end

# Values of the options of link kind $argv[2] (after "type KIND"); fails
# when $argv[1] is not such an option, so the generic table decides.
# Hand-written: these are value words, not keywords (compat-tests/ship.rs
# lists them as PENDING value tables, or NOT_ON_TABLES for inherit & co).
function __rip_kind_value
    set -l kw $argv[1]
    set -l kind $argv[2]
    switch $kind/$kw
        case bond/mode
            printf '%s\n' balance-rr active-backup balance-xor broadcast 802.3ad balance-tlb balance-alb
        case bond/active_slave bond/primary
            __rip_ifnames
        case bond/arp_validate
            printf '%s\n' none active backup all filter filter_active filter_backup
        case bond/arp_all_targets
            printf '%s\n' any all
        case bond/primary_reselect
            printf '%s\n' always better failure
        case bond/fail_over_mac
            printf '%s\n' none active follow
        case bond/xmit_hash_policy
            printf '%s\n' layer2 layer2+3 layer3+4 encap2+3 encap3+4 vlan+srcmac
        case bond/lacp_active
            printf '%s\n' on off
        case bond/lacp_rate
            printf '%s\n' slow fast
        case bond/ad_select
            printf '%s\n' stable bandwidth count
        case bond/miimon bond/updelay bond/downdelay bond/peer_notify_delay bond/use_carrier bond/arp_interval \
            bond/arp_ip_target bond/ns_ip6_target bond/arp_missed_max bond/resend_igmp bond/num_grat_arp bond/num_unsol_na \
            bond/all_slaves_active bond/min_links bond/lp_interval bond/packets_per_slave bond/ad_user_port_key \
            bond/ad_actor_sys_prio bond/ad_actor_system bond/tlb_dynamic_lb bond_slave/queue_id bond_slave/prio
        case geneve/ttl geneve/hoplimit
            printf '%s\n' auto inherit
        case geneve/tos geneve/dsfield
            echo inherit
        case ipip/mode
            printf '%s\n' ipip ip4ip4 mplsip any
        case sit/mode
            printf '%s\n' ip6ip ipip ip4ip4 mplsip any
        case ip6tnl/mode
            printf '%s\n' ip6ip6 ipip6 ip4ip6 any
        case ip6tnl/encaplimit 'ip6gre*/encaplimit' ip6erspan/encaplimit
            echo none
        case ip6tnl/tclass ip6tnl/tos ip6tnl/tc ip6tnl/dsfield ip6tnl/flowlabel ip6tnl/fl ip6tnl/dscp ip6tnl/fwmark \
            'ip6gre*/tclass' 'ip6gre*/tos' 'ip6gre*/dsfield' 'ip6gre*/flowlabel' 'ip6gre*/fl' 'ip6gre*/dscp' 'ip6gre*/fwmark' \
            ip6erspan/tclass ip6erspan/tos ip6erspan/dsfield ip6erspan/flowlabel ip6erspan/fl ip6erspan/dscp ip6erspan/fwmark
            echo inherit
        case ip6tnl/hoplimit ip6tnl/ttl ip6tnl/hlim 'ip6gre*/hoplimit' 'ip6gre*/ttl' 'ip6gre*/hlim' ip6erspan/hoplimit ip6erspan/ttl ip6erspan/hlim
        case bareudp/ethertype
            printf '%s\n' ipv4 ipv6 mpls_uc mpls_mc
        case amt/mode
            printf '%s\n' gateway relay
        case hsr/slave1 hsr/slave2
            __rip_ifnames
        case gtp/role
            printf '%s\n' ggsn sgsn
        case ipoib/mode
            printf '%s\n' datagram connected
        case can/tdc-mode
            printf '%s\n' auto manual off
        case can/loopback can/listen-only can/triple-sampling can/one-shot can/berr-reporting can/fd can/fd-non-iso can/presume-ack can/cc-len8-dlc
            printf '%s\n' on off
        case can/bitrate can/sample-point can/tq can/prop-seg can/phase-seg1 can/phase-seg2 can/sjw can/dbitrate can/dsample-point can/dtq can/dprop-seg can/dphase-seg1 can/dphase-seg2 can/dsjw can/tdcv can/tdco can/tdcf can/restart-ms can/termination
        case macsec/cipher
            printf '%s\n' default gcm-aes-128 gcm-aes-256 gcm-aes-xpn-128 gcm-aes-xpn-256
        case macsec/encrypt macsec/send_sci macsec/end_station macsec/scb macsec/protect macsec/replay
            printf '%s\n' on off
        case macsec/validate
            printf '%s\n' strict check disabled
        case macsec/offload
            printf '%s\n' off phy mac
        case macsec/sci macsec/port macsec/icvlen macsec/window macsec/encodingsa
        case bareudp/srcportmin amt/discovery amt/relay_port amt/gateway_port amt/max_tunnels hsr/supervision hsr/version \
            hsr/proto gtp/hsize gtp/restart_count ipoib/pkey ipoib/umcast
        case 'gre/*' 'gretap/*' 'erspan/*' 'ipip/*' 'sit/*' 'ip6tnl/*' 'ip6gre*/*' 'ip6erspan/*'
            switch $kw
                case ttl hoplimit hlim tos tclass tc dsfield
                    echo inherit
                case encap
                    printf '%s\n' fou gue none
                case encap-sport
                    echo auto
                case erspan_dir
                    printf '%s\n' ingress egress
                case key ikey okey fwmark encap-dport 6rd-prefix 6rd-relay_prefix erspan erspan_ver erspan_hwid
                case '*'
                    return 1
            end
        case vti/key vti/ikey vti/okey vti/fwmark vti6/key vti6/ikey vti6/okey vti6/fwmark xfrm/if_id
        case '*'
            return 1
    end
    return 0
end

# Values after keyword $argv[1] (object $argv[2], kind $argv[3]). Value
# lists with a table come from it; the hand-written ones are value words
# the parsers match in code (ship.rs: PENDING and NOT_ON_TABLES) or names.
function __rip_ip_value
    set -l kw $argv[1]
    set -l obj $argv[2]
    set -l kind $argv[3]
    set -l vf $argv[4]
    set -l etype $argv[5]
    if test -n "$kind"; and __rip_kind_value $kw $kind
        return 0
    end
    switch $kw
        case dev master link oif iif backup_port parentdev vrf
            __rip_ifnames
        case netns link-netns
            __rip_netns_names
        case ty typ type
            if test "$etype" = ioam6
                return 0
            else if test $obj = route
                __rip_kw ip_route_add_TYPE
            else
                __rip_kw ip_link_type
            end
        case table
            test $obj = route; and echo cache
            __rip_tables
        case scope
            printf '%s\n' $__rip_scopes all
        case protocol proto
            if test "$kind" = vlan -o "$vf" = 1
                printf '%s\n' 802.1Q 802.1ad
            else
                printf '%s\n' $__rip_route_protos all
            end
        case ttl
            test "$kind" = vxlan; and printf '%s\n' auto inherit
        case tos
            test "$kind" = vxlan; and echo inherit
        case df
            printf '%s\n' unset set inherit
        case maxaddress
            echo unlimited
        case addrgenmode
            printf '%s\n' eui64 none stable_secret random
        case mode
            if test $obj = route
                if test "$etype" = ioam6
                    printf '%s\n' inline encap auto
                else
                    printf '%s\n' inline encap l2encap encap.red l2encap.red
                end
                return 0
            end
            switch $kind
                case macvlan macvtap
                    printf '%s\n' private vepa bridge passthru source
                case ipvlan ipvtap
                    printf '%s\n' l2 l3 l3s
                case '*'
                    printf '%s\n' default dormant
            end
        case flag
            printf '%s\n' nopromisc nodst null
        case macaddr
            printf '%s\n' add del set flush
        case vlan_protocol
            printf '%s\n' 802.1Q 802.1ad
        case state
            if test "$vf" = 1
                __rip_kw ip_link_set_vf_state
            else if test $obj = link -a "$kind" != bridge_slave
                printf '%s\n' UNKNOWN NOTPRESENT DOWN LOWERLAYERDOWN TESTING DORMANT UP
            else
                printf '%s\n' disabled listening learning forwarding blocking
            end
        case hwmode
            printf '%s\n' vepa veb
        case ttl-propagate
            __rip_kw ip_route_add_ttl_propagate
        case pref
            __rip_kw ip_route_add_pref
        case features
            echo ecn
        case flavors
            printf '%s\n' psp usp usd next-csid
        case csum-mode
            printf '%s\n' adj-transport neutral-map neutral-map-auto no-action
        case ident-type
            printf '%s\n' luid use-format
        case hook-type
            printf '%s\n' output input
        case tundst lblen nflen freq segs hmac if_id link_dev ns size headroom
            return 0
        case action
            test $obj = route; and printf '%s\n' End End.X End.T End.DX2 End.DX6 End.DX4 End.DT6 End.DT4 End.DT46 End.B6 End.B6.Encaps End.BM End.S End.AS End.AM End.BPF
        case encap
            __rip_kw ip_route_add_encap
        case valid_lft preferred_lft
            echo forever
        case xdp xdpgeneric xdpdrv xdpoffload
            __rip_kw ip_link_set_xdp
        case name address broadcast brd mtu txqueuelen txqlen qlen numtxqueues numrxqueues alias group index link-netnsid \
            via src metric priority preference weight nhid dsfield realms label peer remote local anycast to from \
            root match exact mark cost id dstport advmss hoplimit window cwnd ssthresh initcwnd initrwnd rtt rttvar rto_min \
            gso_max_size gso_max_segs gro_max_size vf protodown_reason uid ipproto sport dport expires congctl quickack \
            fastopen_no_cookie forward_delay hello_time max_age ageing_time stp_state group_fwd_mask group_address bcqueuelen \
            mcast_router ageing flowlabel srcport vni mux_id linkid ra conduit ingress-qos-map egress-qos-map
            return 0
        case '*'
            # vxlan's learning etc. are flags without a value.
            if test "$kind" != vxlan; and contains -- $kw $__rip_onoff_words
                printf '%s\n' on off
            else
                return 1
            end
    end
    return 0
end

# The options after "type KIND": kinds that share a parser share its table,
# named after the first of them (src/linkinfo/kinds KINDS), so the others
# map to it here. Kinds without options have no table and offer nothing.
function __rip_kind_words
    set -l t $argv[1]
    switch $argv[1]
        case macvtap
            set t macvlan
        case ipvtap
            set t ipvlan
        case vxcan
            set t veth
        case sit
            set t ipip
        case gretap erspan
            set t gre
        case vti6
            set t vti
        case ip6gretap ip6erspan
            set t ip6gre
    end
    __rip_kw ip_link_type_$t
end

# Candidates for ip's words $argv (argv[0] excluded; the last is being
# typed). "@file", "@cmd" and "@args N" ask the caller for files, command
# names, or the completion of the command starting at word N.
function __rip_ip_candidates
    set -l w $argv
    set -l n (math (count $w) - 1)
    set -l cur $w[-1]
    set -l i 1
    while test $i -le $n; and string match -q -- '-*' $w[$i]
        set -l opt (string replace -r '^--' '-' -- $w[$i])
        if test $opt = --; or test $w[$i] = --
            set i (math $i + 1)
            break
        end
        if string match -qr -- '^-(n|ne|net|netn|netns|f|fa|fam|fami|famil|family|b|ba|bat|batc|batch|l|lo|loo|loop|loops|rc|rcv|rcvb|rcvbu|rcvbuf)$' $opt
            if test $i -eq $n
                switch $opt
                    case '-n*'
                        __rip_netns_names
                    case '-f*'
                        printf '%s\n' $__rip_kw_ip_OPTIONS__family
                    case '-b*'
                        echo @file
                end
                return
            end
            set i (math $i + 2)
        else
            set i (math $i + 1)
        end
    end
    if test $i -gt $n
        if string match -q -- '-*' $cur
            printf '%s\n' $__rip_kw_ip_OPTIONS
        else
            printf '%s\n' $__rip_ip_offered
        end
        return
    end
    set -l obj (__rip_resolve $w[$i] $__rip_kw_ip); or return
    set i (math $i + 1)
    set -l cmds
    switch $obj
        case link
            set cmds $__rip_kw_ip_link
        case address
            set cmds $__rip_kw_ip_address
        case route
            set cmds $__rip_kw_ip_route
        case rule
            set cmds $__rip_kw_ip_rule
        case netns
            set cmds $__rip_kw_ip_netns
        case neighbor neighbour
            set cmds $__rip_kw_ip_neigh
        case ntable ntbl
            set cmds $__rip_kw_ip_ntable
        case tuntap tap
            set cmds $__rip_kw_ip_tuntap
        case maddress
            set cmds $__rip_kw_ip_maddress
        case addrlabel
            set cmds $__rip_kw_ip_addrlabel
        case token
            set cmds $__rip_kw_ip_token
        case mroute
            set cmds $__rip_kw_ip_mroute
        case tcp_metrics tcpmetrics
            set cmds $__rip_kw_ip_tcp_metrics
        case netconf
            set cmds $__rip_kw_ip_netconf
        case nexthop
            set cmds $__rip_kw_ip_nexthop
        case monitor
            # No commands: the object words, a device after "dev", a file
            # after "file".
            if test $n -ge $i
                switch $w[$n]
                    case dev
                        __rip_ifnames
                        return
                    case file
                        echo @file
                        return
                end
            end
            printf '%s\n' $__rip_kw_ip_monitor
            return
        case stats
            set cmds $__rip_kw_ip_stats
        case vrf
            set cmds $__rip_kw_ip_vrf
        case sr
            set cmds $__rip_kw_ip_sr
        case ioam
            set cmds $__rip_kw_ip_ioam
        case mptcp
            set cmds $__rip_kw_ip_mptcp
        case '*'
            return
    end
    if test $i -gt $n
        printf '%s\n' $cmds
        return
    end
    set -l cmd (__rip_resolve $w[$i] $cmds); or return
    if test $obj != netns; and contains -- $cmd set change chg
        set cmd set
    end
    contains -- $cmd lst list; and set cmd show
    set i (math $i + 1)
    set -l prev ''
    test $n -ge $i; and set prev $w[$n]

    if contains -- $obj neighbor neighbour
        # The words of each command's table; device names after "dev",
        # the NUD state names after "nud".
        switch $prev
            case dev master vrf
                __rip_ifnames
                return
            case nud
                printf '%s\n' $__rip_kw_ip_neigh_nud
                return
        end
        switch $cmd
            case add change chg replace delete
                printf '%s\n' $__rip_kw_ip_neigh_add
            case show flush
                printf '%s\n' $__rip_kw_ip_neigh_show
            case get
                printf '%s\n' $__rip_kw_ip_neigh_get
        end
        return
    end

    if test $obj = netconf
        if test "$prev" = dev
            __rip_ifnames
            return
        end
        test $cmd = show; and printf '%s\n' $__rip_kw_ip_netconf_show
        return
    end

    if test $obj = nexthop
        # The words of each command's table; device names after dev, master
        # and vrf; the group types after "type"; the bucket commands.
        switch $prev
            case dev master vrf
                __rip_ifnames
                return
            case type
                printf '%s\n' $__rip_kw_ip_nexthop_add_type
                return
            case resilient
                printf '%s\n' $__rip_kw_ip_nexthop_add_type_resilient
                return
        end
        switch $cmd
            case add replace
                printf '%s\n' $__rip_kw_ip_nexthop_add
            case show flush
                printf '%s\n' $__rip_kw_ip_nexthop_list
            case delete get
                printf '%s\n' $__rip_kw_ip_nexthop_get
            case bucket
                if test $i -gt $n
                    printf '%s\n' $__rip_kw_ip_nexthop_bucket
                else
                    switch (__rip_resolve $w[$i] $__rip_kw_ip_nexthop_bucket)
                        case list show lst
                            printf '%s\n' $__rip_kw_ip_nexthop_bucket_list
                        case get
                            printf '%s\n' $__rip_kw_ip_nexthop_get
                    end
                end
        end
        return
    end

    if contains -- $obj ntable ntbl
        # The words of each command's table; device names after "dev", the
        # kernel's table names (values, not keywords) after "name".
        switch $prev
            case dev
                __rip_ifnames
                test $cmd = show; and echo none
                return
            case name
                printf '%s\n' arp_cache ndisc_cache
                return
        end
        switch $cmd
            case set
                printf '%s\n' $__rip_kw_ip_ntable_change
            case show
                printf '%s\n' $__rip_kw_ip_ntable_show
        end
        return
    end

    if contains -- $obj tcp_metrics tcpmetrics
        # Addresses are values; the selector words otherwise.
        contains -- "$prev" src source addr address; and return
        printf '%s\n' $__rip_kw_ip_tcp_metrics_show
        return
    end

    if test $obj = mroute
        # Device names after "iif", table names after "table".
        switch $prev
            case iif
                __rip_ifnames
                return
            case table
                __rip_tables
                echo help
                return
            case to from
                return
        end
        printf '%s\n' $__rip_kw_ip_mroute_show
        return
    end

    if test $obj = token
        # Device names after "dev"; set and del also take "dev".
        if test "$prev" = dev
            __rip_ifnames
            return
        end
        switch $cmd
            case set add delete
                printf '%s\n' $__rip_kw_ip_token_set
            case list get show
                printf '%s\n' $__rip_kw_ip_token_list
        end
        return
    end

    if test $obj = stats
        # Device names after "dev"; the suite tree's names after group,
        # subgroup and suite.
        switch $prev
            case dev
                __rip_ifnames
                return
            case group
                printf '%s\n' $__rip_kw_ip_stats_show_group
                return
            case subgroup
                printf '%s\n' $__rip_kw_ip_stats_show_subgroup
                return
            case suite
                printf '%s\n' $__rip_kw_ip_stats_show_suite
                return
            case l3_stats
                printf '%s\n' on off
                return
        end
        switch $cmd
            case show
                printf '%s\n' $__rip_kw_ip_stats_show
            case set
                printf '%s\n' $__rip_kw_ip_stats_set
        end
        return
    end

    if test $obj = vrf
        # exec: a command after the VRF name; nothing else to offer.
        if test $cmd = exec
            if test $n -eq $i
                echo @cmd
            else if test $n -gt $i
                echo "@args "(math $i + 1)
            end
        end
        return
    end

    if test $obj = mptcp
        # endpoint and limits take a command, then their options; device
        # names after "dev".
        switch $cmd
            case endpoint
                if test $n -lt $i
                    printf '%s\n' $__rip_kw_ip_mptcp_endpoint
                else if test "$prev" = dev
                    __rip_ifnames
                else if not contains -- "$prev" id port
                    printf '%s\n' $__rip_kw_ip_mptcp_endpoint_add
                end
            case limits
                if test $n -lt $i
                    printf '%s\n' $__rip_kw_ip_mptcp_limits
                else if not contains -- "$prev" subflows add_addr_accepted
                    printf '%s\n' $__rip_kw_ip_mptcp_limits_set
                end
        end
        return
    end

    if test $obj = ioam
        # namespace and schema take a command.
        test $n -lt $i; or return
        switch $cmd
            case namespace
                printf '%s\n' $__rip_kw_ip_ioam_namespace
            case schema
                printf '%s\n' $__rip_kw_ip_ioam_schema
        end
        return
    end

    if test $obj = sr
        # hmac and tunsrc take show or set; then the algorithms after a
        # key id.
        if test $n -lt $i
            printf '%s\n' $__rip_kw_ip_sr_hmac
        else if test $cmd = hmac -a $n -eq (math $i + 1)
            printf '%s\n' $__rip_kw_ip_sr_hmac_set
        end
        return
    end

    if test $obj = addrlabel
        # add and del read one table; device names after "dev".
        switch $prev
            case dev
                __rip_ifnames
                return
            case prefix label
                return
        end
        contains -- $cmd add delete; and printf '%s\n' $__rip_kw_ip_addrlabel_add
        return
    end

    if test $obj = maddress
        # Device names after "dev" (and as show's bare word).
        if test "$prev" = dev
            __rip_ifnames
            return
        end
        switch $cmd
            case add delete
                printf '%s\n' $__rip_kw_ip_maddress_add
            case show
                printf '%s\n' $__rip_kw_ip_maddress_show
                __rip_ifnames
        end
        return
    end

    if contains -- $obj tuntap tap
        # add and del read one table; the tunnel modes after "mode"; a
        # device name after "dev" or "name" (existing ones for del).
        switch $prev
            case mode
                printf '%s\n' $__rip_kw_ip_tuntap_add_mode
                return
            case dev name
                test $cmd = delete; and __rip_ifnames
                return
            case user group
                return
        end
        contains -- $cmd add delete; and printf '%s\n' $__rip_kw_ip_tuntap_add
        return
    end

    if test $obj = netns
        set -l first $i
        switch $cmd
            case exec
                if test $n -lt $first
                    __rip_netns_names
                else if test $n -eq $first
                    echo @cmd
                else
                    echo "@args "(math $first + 1)
                end
            case delete pids set attach
                test $n -lt $first; and __rip_netns_names
                test $cmd = set -a $n -eq $first; and printf '%s\n' $__rip_kw_ip_netns_set
            case list-id
                if test $n -lt $first; or test $n -eq (math $first + 1)
                    printf '%s\n' $__rip_kw_ip_netns_list_id
                end
        end
        return
    end

    # "vf", "xdp", "encap TYPE" and "nexthop" open nested levels with
    # tables of their own.
    set -l kind ''
    set -l vf 0
    set -l vfvlan 0
    set -l xdp 0
    set -l encap 0
    set -l etype ''
    set -l nh 0
    set -l j $i
    while test $j -le $n
        switch $w[$j]
            case vf
                set vf 1
            case vlan
                test $vf = 1; and set vfvlan 1
            case xdp xdpgeneric xdpdrv xdpoffload
                set xdp 1
            case encap
                set encap 1
                test $j -lt $n; and set etype (__rip_resolve $w[(math $j + 1)] $__rip_kw_ip_route_add_encap)
            case nexthop
                set nh 1
        end
        if contains -- $w[$j] ty typ type; and test $j -lt $n
            set kind $w[(math $j + 1)]
        end
        if test "$kind" = veth -a $w[$j] = peer
            set kind ''
        end
        set j (math $j + 1)
    end
    if test -n "$prev"; and __rip_ip_value $prev $obj "$kind" $vf "$etype"
        return
    end
    switch $obj/$cmd
        case link/add link/replace link/delete
            # add and delete parse with set's table (iplink_parse).
            if test -z "$kind"
                printf '%s\n' $__rip_kw_ip_link_set
                test $cmd = delete; and __rip_ifnames
            else
                __rip_kind_words $kind
            end
        case link/set
            test $vf = 1; and __rip_kw ip_link_set_vf
            test $vfvlan = 1; and __rip_kw ip_link_set_vf_vlan
            test $xdp = 1; and __rip_kw ip_link_set_xdp_object
            if test -z "$kind"
                printf '%s\n' $__rip_kw_ip_link_set
                __rip_ifnames
            else
                __rip_kind_words $kind
            end
        case link/show
            # ip link show reads the address listing's selectors.
            printf '%s\n' $__rip_kw_ip_address_show
            __rip_ifnames
        case link/xstats
            __rip_kw ip_link_xstats_type_$kind; or printf '%s\n' $__rip_kw_ip_link_xstats
        case link/afstats
            printf '%s\n' $__rip_kw_ip_link_afstats
        case link/property
            printf '%s\n' $__rip_kw_ip_link_property $__rip_kw_ip_link_property_add
        case link/help
            printf '%s\n' $__rip_kw_ip_link_type
        case address/add address/set address/replace address/delete
            printf '%s\n' $__rip_kw_ip_address_add
        case address/show address/flush address/save
            printf '%s\n' $__rip_kw_ip_address_show
            __rip_ifnames
        case route/add route/set route/replace route/prepend route/append route/test route/delete
            test $encap = 1; and __rip_kw ip_route_add_encap_$etype
            # After "nexthop" only nexthops follow; a route type may go anywhere else.
            if test $nh = 1
                printf '%s\n' $__rip_kw_ip_route_add_nexthop nexthop
            else
                printf '%s\n' $__rip_kw_ip_route_add $__rip_kw_ip_route_add_TYPE
            end
        case route/show route/flush route/save
            printf '%s\n' $__rip_kw_ip_route_show $__rip_kw_ip_route_show_to
        case route/get
            printf '%s\n' $__rip_kw_ip_route_get
        case rule/add rule/delete
            printf '%s\n' $__rip_kw_ip_rule_add $__rip_kw_ip_rule_add_type
        case rule/show rule/flush
            printf '%s\n' $__rip_kw_ip_rule_show
    end
end

# bridge fdb flush matches its words in code, with no table yet (ship.rs
# PENDING); so does bridge fdb get (its words pass as other levels' words).
set -g __rip_bridge_fdb_flush dev brport vlan self master permanent nopermanent static nostatic dynamic nodynamic added_by_user noadded_by_user extern_learn noextern_learn sticky nosticky offloaded nooffloaded
set -g __rip_bridge_fdb_get to br brport dev vlan vni self master dynamic

function __rip_bridge_candidates
    set -l w $argv
    set -l n (math (count $w) - 1)
    set -l cur $w[-1]
    set -l i 1
    while test $i -le $n; and string match -q -- '-*' $w[$i]
        set -l opt (string replace -r '^--' '-' -- $w[$i])
        if string match -qr -- '^-(n|ne.*|b|ba.*|f|fa.*)$' $opt
            if test $i -eq $n
                switch $opt
                    case '-n*'
                        __rip_netns_names
                    case '-b*'
                        echo @file
                    case '*'
                        # bridge's -family matches these in code (no table).
                        printf '%s\n' inet inet6
                end
                return
            end
            set i (math $i + 2)
        else
            set i (math $i + 1)
        end
    end
    if test $i -gt $n
        if string match -q -- '-*' $cur
            printf '%s\n' $__rip_kw_bridge_OPTIONS
        else
            printf '%s\n' $__rip_kw_bridge
        end
        return
    end
    set -l obj (__rip_resolve $w[$i] $__rip_kw_bridge); or return
    set -l cmds
    switch $obj
        case link
            set cmds $__rip_kw_bridge_link
        case fdb
            set cmds $__rip_kw_bridge_fdb
        case mdb
            set cmds $__rip_kw_bridge_mdb
        case vlan
            set cmds $__rip_kw_bridge_vlan
        case vni
            set cmds $__rip_kw_bridge_vni
        case monitor
            set cmds $__rip_kw_bridge_monitor
        case '*'
            return
    end
    set i (math $i + 1)
    if test $i -gt $n
        printf '%s\n' $cmds
        return
    end
    set -l cmd (__rip_resolve $w[$i] $cmds); or return
    contains -- $cmd lst list; and set cmd show
    test $cmd = change; and set cmd set
    # vlan global has commands of its own.
    set -l sub ''
    if test $obj/$cmd = vlan/global
        if test $i -eq $n
            printf '%s\n' $__rip_kw_bridge_vlan_global
            return
        end
        set sub (__rip_resolve $w[(math $i + 1)] $__rip_kw_bridge_vlan_global)
        contains -- "$sub" lst list; and set sub show
    end
    set -l prev $w[$n]
    switch $prev
        case dev backup_port br brport via
            __rip_ifnames
            return
        case port
            test $obj = mdb; and __rip_ifnames
            return
        case state
            if test $obj = fdb
                printf '%s\n' permanent static dynamic reachable stale
            else
                printf '%s\n' disabled listening learning forwarding blocking
            end
            return
        case hwmode
            printf '%s\n' vepa veb
            return
        case file
            echo @file
            return
        case tunnel_info
            # bridge vlan's tunnel_info reads "id" in code (its only word).
            echo id
            return
        case cost priority mcast_router vid vlan vni src_vni dst nhid grp src id group remote to
            return
    end
    if test $obj = link; and contains -- $prev $__rip_onoff_words; and test $n -gt (math $i + 1)
        printf '%s\n' on off
        return
    end
    switch $obj/$cmd
        case link/set
            printf '%s\n' $__rip_kw_bridge_link_set
        case 'link/*'
            printf '%s\n' $__rip_kw_bridge_link_show
        case fdb/add fdb/append fdb/replace fdb/delete
            printf '%s\n' $__rip_kw_bridge_fdb_add
        case fdb/get
            printf '%s\n' $__rip_bridge_fdb_get
        case fdb/flush
            printf '%s\n' $__rip_bridge_fdb_flush
        case 'fdb/*'
            printf '%s\n' $__rip_kw_bridge_fdb_show
        case mdb/add mdb/delete
            printf '%s\n' $__rip_kw_bridge_mdb_add
        case 'mdb/*'
            printf '%s\n' $__rip_kw_bridge_mdb_show
        case vlan/add vlan/delete
            printf '%s\n' $__rip_kw_bridge_vlan_add
        case vlan/set
            printf '%s\n' $__rip_kw_bridge_vlan_set
        case vlan/tunnelshow
            printf '%s\n' $__rip_kw_bridge_vlan_tunnelshow
        case vlan/global
            test -n "$sub"; and __rip_kw bridge_vlan_global_$sub
        case 'vlan/*'
            printf '%s\n' $__rip_kw_bridge_vlan_show
        case vni/add vni/delete
            printf '%s\n' $__rip_kw_bridge_vni_add
        case 'vni/*'
            printf '%s\n' $__rip_kw_bridge_vni_show
    end
end

function __rip_sysctl_candidates
    set -l w $argv
    set -l cur $w[-1]
    set -l prev ''
    test (count $w) -gt 1; and set prev $w[-2]
    switch $prev
        case -p -f --load
            echo @file
            return
        case -r --pattern
            return
    end
    switch $cur
        case '--load=*' '-p?*'
            echo @file
        case '-*'
            printf '%s\n' $__rip_kw_sysctl_OPTIONS
        case '*=*'
        case '*'
            __rip_sysctl_keys $cur
    end
end

# Bridges: the devices of /sys/class/net with a bridge/ directory.
function __rip_bridges
    set -l d /sys/class/net
    set -q RIP_COMP_SYSFS_NET; and set d $RIP_COMP_SYSFS_NET
    for f in $d/*
        test -d $f/bridge; and string replace -r '.*/' '' -- $f
    end
end

# The ports of bridge $argv[1] (its brif/ directory).
function __rip_bridge_ports
    set -l d /sys/class/net
    set -q RIP_COMP_SYSFS_NET; and set d $RIP_COMP_SYSFS_NET
    for f in $d/$argv[1]/brif/*
        string replace -r '.*/' '' -- $f
    end
end

# brctl: options anywhere (getopt), the command (exact names), then a
# bridge, ports or devices, and the on/off words (as in rip.bash).
function __rip_brctl_candidates
    set -l w $argv
    set -l cur $w[-1]
    if string match -q -- '-*' $cur
        printf '%s\n' $__rip_kw_brctl_OPTIONS
        return
    end
    set -l args
    for x in $w[1..-2]
        string match -q -- '-*' $x; or set -a args $x
    end
    set -l k (count $args)
    if test $k -eq 0
        printf '%s\n' $__rip_kw_brctl
        return
    end
    switch $args[1]/$k
        case 'addbr/*'
            return
        case 'show/*' '*/1'
            __rip_bridges
        case 'addif/*'
            __rip_ifnames
        case 'delif/*' hairpin/2 setpathcost/2 setportprio/2
            __rip_bridge_ports $args[2]
        case hairpin/3 stp/2
            printf '%s\n' $__rip_kw_brctl_stp_BRIDGE
    end
end

# net-tools ifconfig: options, then an interface, then its settings.
function __rip_ifconfig_candidates
    set -l w $argv
    set -l cur $w[-1]
    set -l iface ''
    for x in $w[1..-2]
        if not string match -q -- '-*' $x
            set iface $x
            break
        end
    end
    if test -z "$iface"
        switch $cur
            case '-*'
                printf '%s\n' $__rip_kw_ifconfig_OPTIONS
            case '*'
                __rip_ifnames
        end
        return
    end
    printf '%s\n' $__rip_kw_ifconfig_SETTINGS inet inet6
end

# net-tools route: options and commands, then a route's words.
function __rip_route_candidates
    set -l w $argv
    set -l cur $w[-1]
    set -l prev ''
    test (count $w) -gt 1; and set prev $w[-2]
    set -l cmd ''
    for x in $w[1..-2]
        if contains -- $x add del delete flush
            set cmd $x
            break
        end
    end
    switch $prev
        case -A --protocol
            printf '%s\n' inet inet6
            return
        case dev device
            __rip_ifnames
            return
    end
    if test -z "$cmd"
        switch $cur
            case '-*'
                printf '%s\n' $__rip_kw_route_OPTIONS
            case '*'
                printf '%s\n' $__rip_kw_route_COMMANDS
        end
        return
    end
    printf '%s\n' $__rip_kw_route_add
end

# Entry point: the tool is chosen by the command's name, as rip does it.
function __rip_complete
    set -l toks (commandline -opc)
    set -l cur (commandline -ct)
    set -l tool (string replace -r '.*/' '' -- $toks[1])
    set -l words $toks[2..-1] $cur
    set -l base 1
    if test $tool = rip
        if test (count $toks) -eq 1; and not string match -q -- '-*' $cur
            printf '%s\n' $__rip_ip_offered bridge sysctl brctl ifconfig install-links
            return
        end
        switch $toks[2]
            case bridge sysctl brctl ifconfig
                set tool $toks[2]
                set -e words[1]
                set base 2
            case install-links
                __fish_complete_directories $cur
                return
        end
    end
    set -l out
    switch $tool
        case bridge
            set out (__rip_bridge_candidates $words)
        case sysctl
            set out (__rip_sysctl_candidates $words)
        case brctl
            set out (__rip_brctl_candidates $words)
        case ifconfig
            set out (__rip_ifconfig_candidates $words)
        case route
            set out (__rip_route_candidates $words)
        case '*'
            set out (__rip_ip_candidates $words)
    end
    switch "$out"
        case @file
            __fish_complete_path $cur
        case @cmd
            __fish_complete_command
        case '@args *'
            set -l at (string replace '@args ' '' -- $out)
            __fish_complete_subcommand --commandline $toks[(math $at + $base)..-1] $cur
        case '*'
            printf '%s\n' $out
    end
end

for c in rip ip bridge sysctl brctl ifconfig route
    complete -c $c -f -a '(__rip_complete)'
end
