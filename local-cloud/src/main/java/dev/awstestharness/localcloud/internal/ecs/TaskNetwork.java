package dev.awstestharness.localcloud.internal.ecs;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The elastic network interface of an {@code awsvpc} task, as the RunTask request configured it. The addresses are
 * made up (nothing is bound to them); they only give the task the shape it has on AWS.
 */
record TaskNetwork(
        String attachmentId,
        List<String> subnets,
        List<String> securityGroups,
        String assignPublicIp,
        String networkInterfaceId,
        String macAddress,
        String privateIpv4Address) {

    TaskNetwork {
        subnets = List.copyOf(subnets);
        securityGroups = List.copyOf(securityGroups);
    }

    static TaskNetwork allocate(String attachmentId, List<String> subnets, List<String> securityGroups, String assignPublicIp) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder eni = new StringBuilder("eni-");
        for (int i = 0; i < 17; i++) eni.append(Character.forDigit(random.nextInt(16), 16));
        String mac = String.format("0a:%02x:%02x:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256),
                random.nextInt(256), random.nextInt(256));
        String ip = "10.0." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        return new TaskNetwork(attachmentId, subnets, securityGroups, assignPublicIp, eni.toString(), mac, ip);
    }

    /** {@code ip-10-0-1-2.REGION.compute.internal} */
    String privateDnsName(String region) {
        return "ip-" + privateIpv4Address.replace('.', '-') + "." + region + ".compute.internal";
    }
}
