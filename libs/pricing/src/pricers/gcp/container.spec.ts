import { estimateOf, monthly, priced } from './test-plan';
import { gcpContainerCluster, gcpContainerNodePool } from './container';

describe(gcpContainerCluster.types[0], () => {
  it('prices a zonal Standard cluster: management fee plus the default pool', () => {
    const e = estimateOf([
      { type: 'google_container_cluster', name: 'c', after: { location: 'us-central1-a', initial_node_count: 2, node_config: [{ machine_type: 'e2-standard-2', disk_size_gb: 50, disk_type: 'pd-standard' }] } },
    ]);
    // fee $0.10 × 730 = $73.00; 2 × e2-standard-2: 2 × (2 × $0.02181159 + 8 × $0.00292353) × 730 = $97.8356628; disks 2 × 50 GB × $0.04 = $4.00
    expect(monthly(e, 'google_container_cluster.c')).toBe('174.84');
  });

  it('multiplies inline node pools by the 3 zones of a regional cluster and prices spot nodes at the spot price', () => {
    const e = estimateOf([
      {
        type: 'google_container_cluster',
        name: 'c',
        after: {
          location: 'us-central1',
          remove_default_node_pool: true,
          node_pool: [{ name: 'spot', node_count: 1, node_config: [{ machine_type: 'n1-standard-1', spot: true, disk_size_gb: 10, disk_type: 'pd-standard' }] }],
        },
      },
    ]);
    // fee $73.00; 3 nodes n1-standard-1 spot: 3 × ($0.00878 + 3.75 × $0.001126) × 730 = $28.475475; disks 3 × 10 GB × $0.04 = $1.20
    expect(monthly(e, 'google_container_cluster.c')).toBe('102.68');
    expect(priced(e, 'google_container_cluster.c').assumptions.map((a) => a.attribute)).toContain('node_locations');
  });

  it('prices an Autopilot cluster: fee plus pod vCPU, memory and ephemeral storage from usage', () => {
    const e = estimateOf([{ type: 'google_container_cluster', name: 'ap', after: { location: 'us-central1', enable_autopilot: true } }], {
      usage: { 'google_container_cluster.ap': { autopilot_vcpu: 10, autopilot_memory_gb: 50, autopilot_ephemeral_storage_gb: 100 } },
    });
    // fee $73.00; 10 vCPU × 730 × $0.0445 = $324.85; 50 GB × 730 × $0.0049225 = $179.67125; 100 GB × 730 × $0.0000548 = $4.0004
    expect(monthly(e, 'google_container_cluster.ap')).toBe('581.52');
  });

  it('reports Autopilot outside the regions with Autopilot prices as unsupported', () => {
    const e = estimateOf([{ type: 'google_container_cluster', name: 'ap', after: { location: 'europe-west1', enable_autopilot: true } }]);
    expect(e.unsupported[0]?.reason).toMatch(/^no list price for gke:autopilot:vcpu in europe-west1/);
  });
});

describe(gcpContainerNodePool.types[0], () => {
  const pool = (after: Record<string, unknown>) => ({ type: 'google_container_node_pool', name: 'p', after: { location: 'us-central1', name: 'workers', ...after } });

  it('prices machine × node_count × node_locations plus boot disks, with the 1-year CUD on the VMs', () => {
    const plan = [pool({ node_count: 2, node_locations: ['us-central1-a', 'us-central1-b'], node_config: [{ machine_type: 'n2-standard-4', disk_size_gb: 100, disk_type: 'pd-balanced' }] })];
    // 4 nodes × n2-standard-4 (4 × $0.031611 + 16 × $0.004237) × 730 = $567.16912; disks 4 × 100 GB × $0.10 = $40.00
    expect(monthly(estimateOf(plan), 'google_container_node_pool.p')).toBe('607.17');
    // 1y: 4 × (4 × $0.019915 + 16 × $0.002669) × 730 = $357.30288; disks stay on-demand $40.00
    expect(monthly(estimateOf(plan, { commitment: '1y' }), 'google_container_node_pool.p')).toBe('397.30');
  });

  it('assumes the autoscaling minimum and the GKE node defaults, and takes the node count from usage', () => {
    const e = estimateOf([pool({ location: 'us-central1-a', autoscaling: [{ min_node_count: 1, max_node_count: 5 }], node_count: null }), ], {});
    const r = priced(e, 'google_container_node_pool.p');
    // 1 node e2-medium: ($0.02181159 + 4 × $0.00292353) × 730 = $24.4591707; 100 GB pd-balanced × $0.10 = $10.00
    expect(r.monthlyCost.toFixed(2)).toBe('34.46');
    expect(r.assumptions.map((a) => `${a.attribute}=${a.assumed}`)).toEqual(
      expect.arrayContaining(['node_count=1', 'node_config[0].machine_type=e2-medium', 'node_config[0].disk_size_gb=100', 'node_config[0].disk_type=pd-balanced']),
    );
    const withUsage = estimateOf([pool({ location: 'us-central1-a' })], { usage: { 'google_container_node_pool.p': { nodes: 4 } } });
    // 4 × $24.4591707 + 4 × $10.00
    expect(monthly(withUsage, 'google_container_node_pool.p')).toBe('137.84');
  });

  it('gives the diff of a node count change', () => {
    const before = { location: 'us-central1-a', name: 'workers', node_count: 1, node_config: [{ machine_type: 'e2-medium', disk_size_gb: 100, disk_type: 'pd-balanced' }] };
    const e = estimateOf([{ type: 'google_container_node_pool', name: 'p', actions: ['update'], before, after: { ...before, node_count: 3 } }]);
    // 2 more nodes × ($24.4591707 + $10.00)
    expect(priced(e, 'google_container_node_pool.p').diffMonthlyCost.toFixed(2)).toBe('68.92');
  });
});
