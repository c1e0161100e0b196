use super::*;

#[test]
fn lladdr() {
    assert_eq!(ll_addr_a2n("00:11:22:aa:BB:ff", 32), Some(vec![0, 0x11, 0x22, 0xaa, 0xbb, 0xff]));
    assert_eq!(ll_addr_a2n("1.2.3.4", 32), Some(vec![1, 2, 3, 4]));
    assert_eq!(ll_addr_a2n("1.2", 32), Some(vec![1, 2, 0, 0]));
    assert_eq!(ll_addr_a2n("0x1f:2", 32), Some(vec![0x1f, 2]));
    assert_eq!(ll_addr_a2n("zz", 32), None);
    assert_eq!(ll_addr_a2n("00::11", 32), None);
    assert_eq!(ll_addr_a2n("100", 32), None);
    assert_eq!(ll_addr_a2n("-1", 32), None);
    assert_eq!(ll_addr_a2n("1.2.3.4.5", 32), None);
    assert_eq!(ll_addr_a2n("1.2:3", 32), None);
}
