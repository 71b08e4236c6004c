package dev.awstestharness.localcloud.internal.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awstestharness.localcloud.LocalCloud;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

/** SQS through the AWS SDK for Java v2 (JSON protocol, MD5 validation on): queues, messages, FIFO and long polling. */
class SqsServiceTest {
    static LocalCloud cloud;
    static SqsClient sqs;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().threads(4).start();
        sqs = client(cloud);
    }

    @AfterAll
    static void stop() {
        sqs.close();
        cloud.close();
    }

    static SqsClient client(LocalCloud cloud) {
        return SqsClient.builder()
                .endpointOverride(cloud.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local-secret")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
                .build();
    }

    static String newQueue() {
        return sqs.createQueue(r -> r.queueName("queue-" + UUID.randomUUID())).queueUrl();
    }

    static String newFifoQueue(boolean contentBasedDeduplication) {
        return sqs.createQueue(r -> r.queueName("queue-" + UUID.randomUUID() + ".fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, Boolean.toString(contentBasedDeduplication)))).queueUrl();
    }

    static List<Message> receive(String queueUrl, int max) {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(max)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
    }

    static List<String> bodies(List<Message> messages) {
        return messages.stream().map(Message::body).toList();
    }

    @Nested
    class Queues {
        @Test
        void createQueueReturnsALoopbackUrlWithTheAccountAndName() {
            String url = sqs.createQueue(r -> r.queueName("orders")).queueUrl();

            assertThat(url).isEqualTo(cloud.endpoint() + "/123456789012/orders");
            assertThat(sqs.getQueueUrl(r -> r.queueName("orders")).queueUrl()).isEqualTo(url);
        }

        @Test
        void creatingTheSameQueueAgainWithTheSameAttributesReturnsItsUrl() {
            String first = sqs.createQueue(r -> r.queueName("same").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "10"))).queueUrl();
            String second = sqs.createQueue(r -> r.queueName("same").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "10"))).queueUrl();

            assertThat(second).isEqualTo(first);
        }

        @Test
        void creatingAnExistingQueueWithDifferentAttributesFails() {
            sqs.createQueue(r -> r.queueName("different"));

            assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName("different").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5"))))
                    .isInstanceOf(QueueNameExistsException.class)
                    .hasMessageStartingWith("A queue already exists with the same name and a different value for attribute VisibilityTimeout");
        }

        @Test
        void aQueueNameWithInvalidCharactersIsRejected() {
            assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName("bad name")))
                    .isInstanceOf(SqsException.class)
                    .hasMessageStartingWith("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length")
                    .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
        }

        @Test
        void aFifoQueueNeedsTheFifoSuffix() {
            assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName("no-suffix").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))))
                    .isInstanceOf(SqsException.class)
                    .hasMessageStartingWith("The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix");
        }

        @Test
        void anUnknownQueueIsQueueDoesNotExistWithTheLegacyErrorCode() {
            assertThatThrownBy(() -> sqs.getQueueUrl(r -> r.queueName("missing")))
                    .isInstanceOf(QueueDoesNotExistException.class)
                    .hasMessageStartingWith("The specified queue does not exist.")
                    .satisfies(e -> assertThat(((QueueDoesNotExistException) e).awsErrorDetails().errorCode())
                            .isEqualTo("AWS.SimpleQueueService.NonExistentQueue"));
            assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(cloud.endpoint() + "/123456789012/missing").messageBody("x")))
                    .isInstanceOf(QueueDoesNotExistException.class);
        }

        @Test
        void aDeletedQueueNoLongerExists() {
            String url = newQueue();

            sqs.deleteQueue(r -> r.queueUrl(url));

            assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("x"))).isInstanceOf(QueueDoesNotExistException.class);
        }

        @Test
        void listQueuesFiltersByPrefixAndPages() {
            String prefix = "list-" + UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < 3; i++) {
                int n = i;
                sqs.createQueue(r -> r.queueName(prefix + "-" + n));
            }

            var firstPage = sqs.listQueues(r -> r.queueNamePrefix(prefix).maxResults(2));
            var secondPage = sqs.listQueues(r -> r.queueNamePrefix(prefix).maxResults(2).nextToken(firstPage.nextToken()));

            assertThat(firstPage.queueUrls()).hasSize(2).allSatisfy(url -> assertThat(url).contains("/" + prefix + "-"));
            assertThat(secondPage.queueUrls()).singleElement().satisfies(url -> assertThat(url).endsWith(prefix + "-2"));
            assertThat(secondPage.nextToken()).isNull();
        }

        @Test
        void getQueueAttributesCountsMessagesByState() {
            String url = newQueue();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("visible"));
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("taken"));
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("delayed").delaySeconds(60));
            receive(url, 1);

            Map<String, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("All")).attributesAsStrings();

            assertThat(attributes).containsEntry("ApproximateNumberOfMessages", "1")
                    .containsEntry("ApproximateNumberOfMessagesNotVisible", "1")
                    .containsEntry("ApproximateNumberOfMessagesDelayed", "1")
                    .containsEntry("VisibilityTimeout", "30")
                    .containsEntry("QueueArn", "arn:aws:sqs:us-east-1:123456789012:" + url.substring(url.lastIndexOf('/') + 1));
        }

        @Test
        void setQueueAttributesChangesTheVisibilityTimeout() {
            String url = newQueue();

            sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "7")));

            assertThat(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributesAsStrings())
                    .containsExactly(Map.entry("VisibilityTimeout", "7"));
        }

        @Test
        void anInvalidAttributeValueIsRejected() {
            assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName("bad-attribute").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "99999"))))
                    .isInstanceOf(SqsException.class)
                    .hasMessageStartingWith("Invalid value for the parameter VisibilityTimeout.");
        }

        @Test
        void purgeQueueDeletesEveryMessage() {
            String url = newQueue();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("one"));
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("two"));

            sqs.purgeQueue(r -> r.queueUrl(url));

            assertThat(receive(url, 10)).isEmpty();
        }

        @Test
        void tagsAreKept() {
            String url = newQueue();

            sqs.tagQueue(r -> r.queueUrl(url).tags(Map.of("team", "a", "env", "test")));
            sqs.untagQueue(r -> r.queueUrl(url).tagKeys("env"));

            assertThat(sqs.listQueueTags(r -> r.queueUrl(url)).tags()).containsExactly(Map.entry("team", "a"));
        }
    }

    @Nested
    class Messages {
        @Test
        void aMessageComesBackWithItsBodyAttributesAndDigests() {
            String url = newQueue();
            String body = "{\"order\":42,\"note\":\"héllo ✓ 😀\"}";
            SendMessageResponse sent = sqs.sendMessage(r -> r.queueUrl(url).messageBody(body).messageAttributes(Map.of(
                    "kind", MessageAttributeValue.builder().dataType("String").stringValue("order").build(),
                    "count", MessageAttributeValue.builder().dataType("Number.int").stringValue("3").build(),
                    "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("bytes")).build())));

            List<Message> messages = receive(url, 1);

            assertThat(messages).singleElement().satisfies(message -> {
                assertThat(message.messageId()).isEqualTo(sent.messageId());
                assertThat(message.body()).isEqualTo(body);
                assertThat(message.md5OfBody()).isEqualTo(sent.md5OfMessageBody());
                assertThat(message.md5OfMessageAttributes()).isEqualTo(sent.md5OfMessageAttributes());
                assertThat(message.messageAttributes().get("count").stringValue()).isEqualTo("3");
                assertThat(message.messageAttributes().get("blob").binaryValue().asUtf8String()).isEqualTo("bytes");
                assertThat(message.attributesAsStrings()).containsEntry("ApproximateReceiveCount", "1").containsKeys("SentTimestamp",
                        "ApproximateFirstReceiveTimestamp", "SenderId");
            });
        }

        @Test
        void theDigestsAreAwsDigests() {
            String url = newQueue();

            SendMessageResponse sent = sqs.sendMessage(r -> r.queueUrl(url).messageBody("hello").messageAttributes(Map.of(
                    "a", MessageAttributeValue.builder().dataType("String").stringValue("x").build())));

            assertThat(sent.md5OfMessageBody()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
            assertThat(sent.md5OfMessageAttributes()).isEqualTo(MessageDigests.ofAttributes(Map.of("a", new MessageAttribute("String", "x", null))));
        }

        @Test
        void onlyTheRequestedMessageAttributesAreReturned() {
            String url = newQueue();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("x").messageAttributes(Map.of(
                    "trace.id", MessageAttributeValue.builder().dataType("String").stringValue("1").build(),
                    "other", MessageAttributeValue.builder().dataType("String").stringValue("2").build())));

            Message message = sqs.receiveMessage(r -> r.queueUrl(url).messageAttributeNames("trace.*")).messages().get(0);

            assertThat(message.messageAttributes()).containsOnlyKeys("trace.id");
            assertThat(message.attributes()).isEmpty();
        }

        @Test
        void maxNumberOfMessagesLimitsAReceive() {
            String url = newQueue();
            for (int i = 0; i < 5; i++) {
                int n = i;
                sqs.sendMessage(r -> r.queueUrl(url).messageBody("m" + n));
            }

            assertThat(receive(url, 3)).hasSize(3);
            assertThat(receive(url, 10)).hasSize(2);
        }

        @Test
        void aReceivedMessageIsInvisibleUntilItsVisibilityTimeoutEnds() {
            String url = newQueue();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("once"));

            assertThat(sqs.receiveMessage(r -> r.queueUrl(url).visibilityTimeout(1)).messages()).hasSize(1);
            assertThat(receive(url, 1)).isEmpty();
            List<Message> again = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(3)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();

            assertThat(again).singleElement().satisfies(message -> assertThat(message.attributesAsStrings())
                    .containsEntry("ApproximateReceiveCount", "2"));
        }

        @Test
        void changeMessageVisibilityToZeroReleasesAMessage() {
            String url = newQueue();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("retry me"));
            Message taken = receive(url, 1).get(0);

            sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(taken.receiptHandle()).visibilityTimeout(0));

            assertThat(bodies(receive(url, 1))).containsExactly("retry me");
        }

        @Test
        void changeMessageVisibilityOfAMessageNotInFlightFails() {
            String url = newQueue();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("x"));
            Message taken = receive(url, 1).get(0);
            sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(taken.receiptHandle()));

            assertThatThrownBy(() -> sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(taken.receiptHandle()).visibilityTimeout(5)))
                    .isInstanceOf(SqsException.class)
                    .hasMessageContaining("Reason: Message does not exist or is not available for visibility timeout change.");
        }

        @Test
        void aDeletedMessageIsNotDeliveredAgain() {
            String url = newQueue();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("x"));
            Message taken = sqs.receiveMessage(r -> r.queueUrl(url).visibilityTimeout(0)).messages().get(0);

            sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(taken.receiptHandle()));

            assertThat(receive(url, 10)).isEmpty();
        }

        @Test
        void aReceiptHandleThatWasNeverIssuedIsInvalid() {
            String url = newQueue();

            assertThatThrownBy(() -> sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle("not-a-handle")))
                    .isInstanceOf(ReceiptHandleIsInvalidException.class)
                    .hasMessageStartingWith("The input receipt handle \"not-a-handle\" is not a valid receipt handle.");
        }

        @Test
        void aDelayedMessageIsDeliveredAfterItsDelay() {
            String url = newQueue();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("later").delaySeconds(1));

            assertThat(receive(url, 1)).isEmpty();
            assertThat(bodies(sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(3)).messages())).containsExactly("later");
        }

        @Test
        void anEmptyBodyIsAMissingParameter() {
            String url = newQueue();

            assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("")))
                    .isInstanceOf(SqsException.class)
                    .hasMessageStartingWith("The request must contain the parameter MessageBody.");
        }

        @Test
        void batchesSendAndDeleteSeveralMessages() {
            String url = newQueue();

            SendMessageBatchResponse sent = sqs.sendMessageBatch(r -> r.queueUrl(url).entries(
                    e -> e.id("a").messageBody("first"), e -> e.id("b").messageBody("second")));
            List<Message> messages = receive(url, 10);
            var deleted = sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(
                    e -> e.id("x").receiptHandle(messages.get(0).receiptHandle()),
                    e -> e.id("y").receiptHandle("not-a-handle")));

            assertThat(sent.successful()).extracting(s -> s.id()).containsExactly("a", "b");
            assertThat(bodies(messages)).containsExactlyInAnyOrder("first", "second");
            assertThat(deleted.successful()).extracting(s -> s.id()).containsExactly("x");
            assertThat(deleted.failed()).singleElement().satisfies(failure -> {
                assertThat(failure.id()).isEqualTo("y");
                assertThat(failure.code()).isEqualTo("ReceiptHandleIsInvalid");
                assertThat(failure.senderFault()).isTrue();
            });
        }

        @Test
        void batchesAreCheckedAsAwsChecksThem() {
            String url = newQueue();

            assertThatThrownBy(() -> sqs.sendMessageBatch(r -> r.queueUrl(url).entries(List.of())))
                    .isInstanceOf(EmptyBatchRequestException.class);
            assertThatThrownBy(() -> sqs.sendMessageBatch(r -> r.queueUrl(url).entries(e -> e.id("a").messageBody("1"), e -> e.id("a").messageBody("2"))))
                    .isInstanceOf(BatchEntryIdsNotDistinctException.class)
                    .hasMessageStartingWith("Id a repeated.");
            List<software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry> eleven = new ArrayList<>();
            for (int i = 0; i < 11; i++) eleven.add(software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("x").build());
            assertThatThrownBy(() -> sqs.sendMessageBatch(r -> r.queueUrl(url).entries(eleven)))
                    .isInstanceOf(TooManyEntriesInBatchRequestException.class)
                    .hasMessageStartingWith("Maximum number of entries per request are 10. You have sent 11.");
        }
    }

    @Nested
    class Fifo {
        @Test
        void aGroupIsDeliveredInOrderAndBlockedWhileItsMessageIsInFlight() {
            String url = newFifoQueue(true);
            for (String body : List.of("a1", "a2", "a3")) sqs.sendMessage(r -> r.queueUrl(url).messageBody(body).messageGroupId("a"));
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("b1").messageGroupId("b"));

            Message first = receive(url, 1).get(0);
            List<Message> whileInFlight = receive(url, 10);
            sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(first.receiptHandle()));
            whileInFlight.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle())));
            List<Message> afterDelete = receive(url, 10);

            assertThat(first.body()).isEqualTo("a1");
            assertThat(first.attributesAsStrings()).containsEntry("MessageGroupId", "a").containsKeys("SequenceNumber", "MessageDeduplicationId");
            assertThat(bodies(whileInFlight)).containsExactly("b1");
            assertThat(bodies(afterDelete)).containsExactly("a2", "a3");
        }

        @Test
        void oneReceiveReturnsSeveralMessagesOfAGroupInOrder() {
            String url = newFifoQueue(true);
            for (String body : List.of("1", "2", "3")) sqs.sendMessage(r -> r.queueUrl(url).messageBody(body).messageGroupId("g"));

            assertThat(bodies(receive(url, 10))).containsExactly("1", "2", "3");
        }

        @Test
        void aDuplicateDeduplicationIdWithinFiveMinutesIsAcceptedButNotEnqueued() {
            String url = newFifoQueue(false);

            SendMessageResponse first = sqs.sendMessage(r -> r.queueUrl(url).messageBody("x").messageGroupId("g").messageDeduplicationId("d1"));
            SendMessageResponse duplicate = sqs.sendMessage(r -> r.queueUrl(url).messageBody("y").messageGroupId("g").messageDeduplicationId("d1"));

            assertThat(duplicate.messageId()).isEqualTo(first.messageId());
            assertThat(duplicate.sequenceNumber()).isEqualTo(first.sequenceNumber());
            assertThat(bodies(receive(url, 10))).containsExactly("x");
        }

        @Test
        void contentBasedDeduplicationUsesTheBody() {
            String url = newFifoQueue(true);

            sqs.sendMessage(r -> r.queueUrl(url).messageBody("same").messageGroupId("g"));
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("same").messageGroupId("g"));
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("other").messageGroupId("g"));

            assertThat(bodies(receive(url, 10))).containsExactly("same", "other");
        }

        @Test
        void aMessageWithoutGroupIdIsRejected() {
            String url = newFifoQueue(true);

            assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("x")))
                    .isInstanceOf(SqsException.class)
                    .hasMessageStartingWith("The request must contain the parameter MessageGroupId.")
                    .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode()).isEqualTo("MissingParameter"));
        }

        @Test
        void withoutContentBasedDeduplicationADeduplicationIdIsRequired() {
            String url = newFifoQueue(false);

            assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("x").messageGroupId("g")))
                    .isInstanceOf(SqsException.class)
                    .hasMessageStartingWith("The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
        }
    }

    @Nested
    class LongPolling {
        @Test
        void aLongPollReturnsAsSoonAsAMessageArrives() throws Exception {
            String url = newQueue();
            ExecutorService sender = Executors.newSingleThreadExecutor();
            try {
                long began = System.nanoTime();
                sender.submit(() -> {
                    Thread.sleep(200);
                    return sqs.sendMessage(r -> r.queueUrl(url).messageBody("arrived"));
                });

                ReceiveMessageResponse received = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(10));

                assertThat(bodies(received.messages())).containsExactly("arrived");
                assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(3));
            } finally {
                sender.shutdownNow();
            }
        }

        @Test
        void aLongPollWithoutMessagesEndsEmptyAfterTheWaitTime() {
            String url = newQueue();
            long began = System.nanoTime();

            ReceiveMessageResponse received = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1));

            assertThat(received.messages()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        }

        @Test
        void waitingPollsHoldNoServerThread() throws Exception {
            // The cloud has 4 server threads; 12 waiting polls must not stop other requests from being served.
            String url = newQueue();
            ExecutorService pollers = Executors.newFixedThreadPool(12);
            try {
                List<Future<List<Message>>> polls = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    polls.add(pollers.submit(() -> sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(10)).messages()));
                }
                Thread.sleep(300);

                for (int i = 0; i < 12; i++) {
                    int n = i;
                    sqs.sendMessage(r -> r.queueUrl(url).messageBody("m" + n));
                }

                int received = 0;
                for (Future<List<Message>> poll : polls) received += poll.get(5, TimeUnit.SECONDS).size();
                assertThat(received).isEqualTo(12);
            } finally {
                pollers.shutdownNow();
            }
        }

        @Test
        void concurrentConsumersReceiveEachMessageOnce() throws Exception {
            String url = newQueue();
            for (int batch = 0; batch < 10; batch++) {
                int b = batch;
                List<software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    entries.add(software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("m" + (b * 10 + i)).build());
                }
                sqs.sendMessageBatch(r -> r.queueUrl(url).entries(entries));
            }
            ExecutorService consumers = Executors.newFixedThreadPool(6);
            try {
                List<Future<List<String>>> results = new ArrayList<>();
                for (int c = 0; c < 6; c++) {
                    results.add(consumers.submit(() -> {
                        List<String> seen = new ArrayList<>();
                        while (true) {
                            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
                            if (messages.isEmpty()) return seen;
                            for (Message message : messages) {
                                seen.add(message.body());
                                sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
                            }
                        }
                    }));
                }
                List<String> all = new ArrayList<>();
                for (Future<List<String>> result : results) all.addAll(result.get(20, TimeUnit.SECONDS));

                assertThat(all).hasSize(100).doesNotHaveDuplicates();
            } finally {
                consumers.shutdownNow();
            }
        }

        @Test
        void theQueuesReceiveWaitTimeIsTheDefaultWait() {
            String url = sqs.createQueue(r -> r.queueName("waits-" + UUID.randomUUID())
                    .attributes(Map.of(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "1"))).queueUrl();
            long began = System.nanoTime();

            assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
    }
}
